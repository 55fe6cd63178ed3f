// Queue filters as they travel in the URL; shared by the page, the client table and the query.
import { z } from "zod";

export const ENROLLMENT_STATUSES = [
  "received",
  "in_review",
  "ready",
  "pushing",
  "pushed",
  "failed",
  "needs_reconciliation",
] as const;
export type TEnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

export const QUEUE_SORTS = ["received_desc", "received_asc", "name_asc", "name_desc", "issues_desc", "issues_asc"] as const;
export type TQueueSort = (typeof QUEUE_SORTS)[number];

const emptyToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

export const ZQueueFilters = z.object({
  status: z.preprocess(emptyToUndefined, z.enum(ENROLLMENT_STATUSES).optional()),
  branch: z.preprocess(emptyToUndefined, z.string().trim().max(40).optional()),
  from: z.preprocess(emptyToUndefined, z.iso.date().optional()),
  to: z.preprocess(emptyToUndefined, z.iso.date().optional()),
  q: z.preprocess(emptyToUndefined, z.string().trim().max(100).optional()),
  sort: z.preprocess(emptyToUndefined, z.enum(QUEUE_SORTS).default("received_desc")),
  cursor: z.preprocess(emptyToUndefined, z.string().max(500).optional()),
});

export type TQueueFilters = z.infer<typeof ZQueueFilters>;

/** Reads filters from URL parameters; a bad parameter is dropped rather than failing the page. */
export function parseQueueFilters(params: URLSearchParams | Record<string, string | string[] | undefined>): TQueueFilters {
  const entries =
    params instanceof URLSearchParams
      ? Object.fromEntries(params.entries())
      : Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(ZQueueFilters.shape) as Array<keyof TQueueFilters>) {
    const field = ZQueueFilters.shape[key].safeParse(entries[key]);
    if (field.success && field.data !== undefined) result[key] = field.data;
  }
  return ZQueueFilters.parse(result);
}

/** The URL query string for a set of filters (defaults left out, so URLs stay short). */
export function queueFiltersToSearch(filters: Partial<TQueueFilters>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === "" || (key === "sort" && value === "received_desc")) continue;
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
