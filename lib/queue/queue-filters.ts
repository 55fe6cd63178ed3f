// Queue filters as they travel in the URL; shared by the page, the client table and the query.
import { z } from "zod";
import { parseUrlFields, type TUrlParams } from "@/lib/http/url-fields";
import { withoutReversedRange, ZDay } from "@/lib/dates/day-range";

export const QUEUE_PAGE_SIZE = 50;

/** The count stops here: past it the queue says "more than 1,000", so a count never walks the whole table. */
export const QUEUE_COUNT_LIMIT = 1000;

export const ENROLLMENT_STATUSES = [
  "received",
  "in_review",
  "ready",
  "pushing",
  "pushed",
  "failed",
  "needs_reconciliation",
  "customer_saved",
  "update_pending",
] as const;
export type TEnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

/** `desk`: mine, then unassigned, then the rest, each due soonest first (an officer's default). */
export const QUEUE_SORTS = ["desk", "due_asc", "received_desc", "received_asc", "name_asc", "name_desc", "issues_desc", "issues_asc"] as const;
export type TQueueSort = (typeof QUEUE_SORTS)[number];

/** Whose enrollments: mine, nobody's, mine or nobody's (`desk`), anyone's, or one officer's (their id). */
export const QUEUE_OWNERS = ["desk", "mine", "unassigned", "any"] as const;
export const ZQueueOwner = z.union([z.enum(QUEUE_OWNERS), z.uuid()]);
export type TQueueOwner = z.infer<typeof ZQueueOwner>;

/** The due filter: `overdue` keeps open enrollments past their due time (lib/sla/). */
export const QUEUE_DUES = ["overdue"] as const;

const emptyToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

export const ZQueueFilters = z.object({
  status: z.preprocess(emptyToUndefined, z.enum(ENROLLMENT_STATUSES).optional()),
  branch: z.preprocess(emptyToUndefined, z.string().trim().max(40).optional()),
  from: z.preprocess(emptyToUndefined, ZDay.optional()),
  to: z.preprocess(emptyToUndefined, ZDay.optional()),
  q: z.preprocess(emptyToUndefined, z.string().trim().max(100).optional()),
  /** The search as an opaque token (lib/search/search-token.ts): `q` itself never goes in a URL. */
  qt: z.preprocess(emptyToUndefined, z.string().max(1000).optional()),
  owner: z.preprocess(emptyToUndefined, ZQueueOwner.optional()),
  due: z.preprocess(emptyToUndefined, z.enum(QUEUE_DUES).optional()),
  /** Absent: the default of the reader's role (queueDefaults). */
  sort: z.preprocess(emptyToUndefined, z.enum(QUEUE_SORTS).optional()),
  /** The page after this row (keyset: never OFFSET). */
  cursor: z.preprocess(emptyToUndefined, z.string().max(500).optional()),
  /** The page before this row (walking back); wins over `cursor` when both are given. */
  before: z.preprocess(emptyToUndefined, z.string().max(500).optional()),
  /** Which page this is, for the position shown ("Page 3"); the rows come from the cursors alone. */
  page: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(1_000_000).optional()),
  /** The saved view these filters came from (its id, for the views menu), or `none`: not the default view either. */
  view: z.preprocess(emptyToUndefined, z.union([z.uuid(), z.literal("none")]).optional()),
});

export type TQueueFilters = z.infer<typeof ZQueueFilters>;

/** The same filters from their first page: what a change of filter, sort or search starts from. */
export function withoutPaging<T extends Partial<TQueueFilters>>(filters: T): Omit<T, "cursor" | "before" | "page"> {
  const { cursor: _cursor, before: _before, page: _page, ...rest } = filters;
  return rest;
}

/** Reads filters from URL parameters; a bad parameter is dropped rather than failing the page. */
export function parseQueueFilters(params: TUrlParams): TQueueFilters {
  return withoutReversedRange(parseUrlFields(ZQueueFilters, params));
}

/** The filters with the reader's defaults filled in: an officer's desk (mine, then unassigned, due soonest first), or the newest of every owner. */
export function queueDefaults(filters: TQueueFilters, options: { ownsEnrollments: boolean }): TQueueFilters & { sort: TQueueSort; owner: TQueueOwner } {
  return options.ownsEnrollments
    ? { ...filters, owner: filters.owner ?? "desk", sort: filters.sort ?? "desk" }
    : { ...filters, owner: filters.owner ?? "any", sort: filters.sort ?? "received_desc" };
}

/** The URL query string for a set of filters (unset ones left out, so URLs stay short). */
export function queueFiltersToSearch(filters: Partial<TQueueFilters>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    // The search text may be a full document number: it travels as the token `qt` instead.
    if (key === "q" || value === undefined || value === "") continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

export type TCursor = { value: string | number; id: string };

export function encodeCursor(cursor: TCursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id])).toString("base64url");
}

export function decodeCursor(text: string | undefined): TCursor | null {
  if (!text) return null;
  try {
    const parsed = z
      .tuple([z.union([z.string(), z.number()]), z.uuid()])
      .safeParse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    return parsed.success ? { value: parsed.data[0], id: parsed.data[1] } : null;
  } catch {
    return null;
  }
}
