// Field-level differences between two payloads. "No value" (missing, null, "") on both sides
// is no change, so re-saving an untouched empty field never shows up in the history.
import { isNoValue } from "@/lib/enrollment/schema";

export type TChange = { path: string; old: unknown; new: unknown };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Every leaf path whose value differs, with old and new values (objects and arrays recursed). */
export function diffValues(before: unknown, after: unknown, path = ""): TChange[] {
  if (isNoValue(before) && isNoValue(after)) return [];
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => diffValues(before[key], after[key], path ? `${path}.${key}` : key));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const length = Math.max(before.length, after.length);
    return Array.from({ length }, (_, index) => diffValues(before[index], after[index], `${path}.${index}`)).flat();
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [{ path, old: before ?? null, new: after ?? null }];
}

/** Only the paths of a diff: what the audit log may keep (never the values). */
export function changedPaths(changes: TChange[]): string[] {
  return changes.map((change) => change.path);
}

/** What a value is, named for a reader when two values read the same but differ in type ("4000" and 4000). */
export type TValueKind = "text" | "number" | "yesNo" | "list" | "group";

const kindOf = (value: unknown): TValueKind =>
  typeof value === "string" ? "text" : typeof value === "number" ? "number" : typeof value === "boolean" ? "yesNo" : Array.isArray(value) ? "list" : "group";

/** A value as one line of text; "—" for no value. */
export const shownValue = (value: unknown): string =>
  isNoValue(value) || value === undefined ? "—" : typeof value === "object" ? JSON.stringify(value) : String(value);

/**
 * A change as a reader sees it: old and new as text and, when those read the same (a change of
 * type only, e.g. the text "4000" saved as the number 4000), the kind of each, so the line does
 * not say "4000 → 4000".
 */
export function changeDisplay(change: TChange): { old: string; new: string; kinds: [TValueKind, TValueKind] | null } {
  const old = shownValue(change.old);
  const next = shownValue(change.new);
  return { old, new: next, kinds: old === next ? [kindOf(change.old), kindOf(change.new)] : null };
}
