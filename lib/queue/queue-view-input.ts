// A saved queue view as the form, the actions and the page read it (no server imports here).
import { z } from "zod";
import { ZQueueFilters, type TQueueFilters } from "@/lib/queue/queue-filters";

/** What a view keeps: filters and sort. Never the search text (it may be a document number) nor the page. */
export const ZQueueViewFilters = ZQueueFilters.pick({ status: true, branch: true, from: true, to: true, owner: true, due: true, sort: true });
export type TQueueViewFilters = z.infer<typeof ZQueueViewFilters>;

export const QUEUE_VIEW_NAME_MAX = 60;
/** Views one user may keep. */
export const QUEUE_VIEWS_MAX = 20;

export const ZSaveQueueView = z.object({
  name: z.string().trim().min(1, { error: "required" }).max(QUEUE_VIEW_NAME_MAX, { error: "tooLong" }),
  filters: ZQueueViewFilters,
  makeDefault: z.boolean(),
});
export type TSaveQueueView = z.infer<typeof ZSaveQueueView>;

export const ZQueueViewId = z.object({ viewId: z.uuid() });
/** null: no default (the role's own order). */
export const ZDefaultQueueView = z.object({ viewId: z.uuid().nullable() });

export type TQueueView = { id: string; name: string; filters: TQueueViewFilters; isDefault: boolean };

export type TQueueViewResult = { kind: "saved"; id: string } | { kind: "done" } | { kind: "tooMany" } | { kind: "notFound" };

/** The view's filters as stored JSON says they are; anything unreadable is dropped, not trusted. */
export function readViewFilters(json: unknown): TQueueViewFilters {
  const parsed = ZQueueViewFilters.safeParse(json);
  return parsed.success ? parsed.data : {};
}

/** The URL parameters that say what to show; without any of them the queue opens on the default view. */
const CHOSEN: ReadonlyArray<keyof TQueueFilters> = ["status", "branch", "from", "to", "owner", "due", "sort", "q", "qt", "cursor", "before"];

/**
 * The filters the queue shows: the URL's when it chose any (or said `view=none`), else the user's
 * default view's, marked with its id so the views menu shows it.
 */
export function withDefaultView(filters: TQueueFilters, views: readonly TQueueView[]): TQueueFilters {
  if (filters.view !== undefined || CHOSEN.some((key) => filters[key] !== undefined)) return filters;
  const fallback = views.find((view) => view.isDefault);
  return fallback ? { ...fallback.filters, view: fallback.id } : filters;
}
