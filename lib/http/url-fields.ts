// Filters read from a page's URL (the queue, the AML queue, the desk dashboard): no server imports,
// the browser's forms read them too.
import type { z } from "zod";

/** A page's search parameters, as a route handler (URLSearchParams) or a page (its props) has them. */
export type TUrlParams = URLSearchParams | Record<string, string | string[] | undefined>;

/**
 * The fields of `schema` from URL parameters, each read on its own: a bad one is dropped rather than
 * failing the page, and a repeated one counts by its first value.
 */
export function parseUrlFields<S extends z.ZodObject>(schema: S, params: TUrlParams): z.output<S> {
  const entries: Record<string, string | undefined> =
    params instanceof URLSearchParams
      ? Object.fromEntries(params.entries())
      : Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const result: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    const parsed = field.safeParse(entries[key]);
    if (parsed.success && parsed.data !== undefined) result[key] = parsed.data;
  }
  return schema.parse(result);
}
