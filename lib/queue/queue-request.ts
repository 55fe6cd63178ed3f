import "server-only";
import type { TCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/roles";
import { scopeOf } from "@/lib/desk/scope";
import type { TQueueQuery, TQueueViewer } from "@/lib/queue/list-enrollments";
import { parseQueueFilters, queueDefaults } from "@/lib/queue/queue-filters";
import { withSearch } from "@/lib/search/with-search";

/**
 * What the console's queue routes (GET /api/queue, GET /api/queue/count) read from a request's
 * URL for the signed-in reader: the filters with the search opened from its token and the reader's
 * defaults filled in, and the reader's branch scope. One place, so the page and its count always
 * read the same filters within the same scope.
 */
export function queueRequestOf(user: TCurrentUser, params: URLSearchParams): { filters: TQueueQuery; viewer: TQueueViewer } {
  const filters = queueDefaults(withSearch(parseQueueFilters(params), user.id), { ownsEnrollments: can(user.role, "enrollment:own") });
  return { filters, viewer: { scope: scopeOf(user), userId: user.id } };
}
