/** A duration in minutes as people read one: "45 min", "3 h 05 min", "2 d 4 h" (the units read the same in English and Spanish). */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return "—";
  const total = Math.max(0, Math.round(minutes));
  if (total < 60) return `${total} min`;
  const hours = Math.floor(total / 60);
  if (hours < 24) return `${hours} h ${String(total % 60).padStart(2, "0")} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}
