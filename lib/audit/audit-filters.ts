// Audit log filters as they travel in the URL (so a filtered view can be bookmarked or sent).
import { z } from "zod";
import { dayRangeProblem, ZDay, type TDayRangeProblem } from "@/lib/dates/day-range";

const emptyToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional());

export const ZAuditFilters = z.object({
  /** Who: the actor label exactly (a username, `intake-key:<name>`, `seed`, `push-worker`). */
  actor: optional(z.string().trim().max(120)),
  /** What: the start of the action name (`login.` finds every sign-in event). */
  action: optional(z.string().trim().max(80).regex(/^[a-z0-9_.]+$/)),
  targetType: optional(z.string().trim().max(40).regex(/^[a-z0-9_]+$/)),
  targetId: optional(z.string().trim().max(100)),
  /** Days (UTC), both included. */
  from: optional(ZDay),
  to: optional(ZDay),
  /** Keyset cursor: events with a smaller id (older). */
  before: optional(z.string().regex(/^\d{1,18}$/)),
});

export type TAuditFilters = z.infer<typeof ZAuditFilters>;
export type TAuditFilterName = keyof TAuditFilters;

const first = (raw: string | string[] | undefined) => (Array.isArray(raw) ? raw[0] : raw)?.trim() || undefined;

/**
 * Reads filters from URL parameters; a bad one is dropped (and named) rather than failing the page.
 * The days are named apart, as a range (`range`, lib/dates/day-range.ts): a "from" after the "to" drops both.
 */
export function parseAuditFilters(params: Record<string, string | string[] | undefined>): { filters: TAuditFilters; invalid: TAuditFilterName[]; range: TDayRangeProblem | null } {
  const filters: Record<string, unknown> = {};
  const invalid: TAuditFilterName[] = [];
  for (const key of Object.keys(ZAuditFilters.shape) as TAuditFilterName[]) {
    const raw = params[key];
    const parsed = ZAuditFilters.shape[key].safeParse(Array.isArray(raw) ? raw[0] : raw);
    if (!parsed.success) {
      if (key !== "from" && key !== "to") invalid.push(key);
    } else if (parsed.data !== undefined) filters[key] = parsed.data;
  }
  const range = dayRangeProblem({ from: first(params.from), to: first(params.to) });
  if (range?.problem === "reversed") {
    delete filters.from;
    delete filters.to;
  }
  return { filters: filters as TAuditFilters, invalid, range };
}

/** The query string of a set of filters, empty ones left out. */
export function auditFiltersToSearch(filters: TAuditFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== "") params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : "";
}
