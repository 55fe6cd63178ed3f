import "server-only";
import { openSearch } from "@/lib/search/search-token";

/**
 * Filters read from a URL, with the search taken from their token only: a `q` in the URL is
 * ignored, so a link cannot bring a document number back into the address bar and the logs.
 */
export function withSearch<T extends { q?: string; qt?: string }>(filters: T, userId: string): T {
  const q = openSearch(filters.qt, userId) ?? undefined;
  return { ...filters, q, qt: q === undefined ? undefined : filters.qt };
}
