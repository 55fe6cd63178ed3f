import { NextResponse } from "next/server";
import { requireApiPermission } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { prisma } from "@/lib/db/client";
import { scopeOf } from "@/lib/desk/scope";
import { countEnrollments } from "@/lib/queue/list-enrollments";
import { parseQueueFilters, queueDefaults } from "@/lib/queue/queue-filters";
import { withSearch } from "@/lib/search/with-search";

// GET /api/queue/count — how many enrollments the queue's filters match within the reader's
// branches, up to the count's limit ({ count, more }), for the console's own table (session auth).
// Apart from GET /api/queue so that a page's rows never wait for it; paging does not ask again.
export async function GET(request: Request) {
  const auth = await requireApiPermission("queue:read");
  if (auth.response) return auth.response;
  const filters = queueDefaults(withSearch(parseQueueFilters(new URL(request.url).searchParams), auth.user.id), { ownsEnrollments: can(auth.user.role, "enrollment:own") });
  return NextResponse.json(await countEnrollments(prisma, filters, { scope: scopeOf(auth.user), userId: auth.user.id }));
}
