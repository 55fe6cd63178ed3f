import type { TQueueFilters } from "@/lib/queue/queue-filters";

/** TanStack Query keys of the queue, from one place. */
export const queueKeys = {
  all: ["queue"] as const,
  page: (filters: TQueueFilters) => ["queue", "page", filters] as const,
  /** The count of what the filters match: the same for every page of them. */
  count: (filters: Partial<TQueueFilters>) => ["queue", "count", filters] as const,
};
