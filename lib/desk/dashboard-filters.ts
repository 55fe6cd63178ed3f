// The desk dashboard's filters as they travel in the URL (no server imports: the form reads them too).
import { z } from "zod";
import { parseUrlFields, type TUrlParams } from "@/lib/http/url-fields";
import { withoutReversedRange, ZDay } from "@/lib/dates/day-range";

/** The default window: the last 30 days, today included. */
export const DESK_DASHBOARD_DAYS = 30;

const emptyToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

export const ZDeskDashboardFilters = z.object({
  from: z.preprocess(emptyToUndefined, ZDay.optional()),
  to: z.preprocess(emptyToUndefined, ZDay.optional()),
  branch: z.preprocess(emptyToUndefined, z.string().trim().max(40).optional()),
});
export type TDeskDashboardFilters = z.infer<typeof ZDeskDashboardFilters>;

/** From URL parameters, a bad one dropped; the window filled in (the last 30 days when none is given). */
export function parseDeskDashboardFilters(params: TUrlParams, now = new Date()): Required<Pick<TDeskDashboardFilters, "from" | "to">> & TDeskDashboardFilters {
  const filters = withoutReversedRange(parseUrlFields(ZDeskDashboardFilters, params));
  const today = now.toISOString().slice(0, 10);
  const to = filters.to ?? today;
  const from = filters.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - (DESK_DASHBOARD_DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
  return { ...filters, from: from > to ? to : from, to };
}

export function deskDashboardSearch(filters: TDeskDashboardFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : "";
}
