import { NextResponse } from "next/server";
import { requireApiPermission } from "@/lib/auth/guard";
import { prisma } from "@/lib/db/client";
import { countEnrollments } from "@/lib/queue/list-enrollments";
import { queueRequestOf } from "@/lib/queue/queue-request";

// GET /api/queue/count — how many enrollments the queue's filters match within the reader's
// branches, up to the count's limit ({ count, more }), for the console's own table (session auth).
// Apart from GET /api/queue so that a page's rows never wait for it; paging does not ask again.
export async function GET(request: Request) {
  const auth = await requireApiPermission("queue:read");
  if (auth.response) return auth.response;
  const { filters, viewer } = queueRequestOf(auth.user, new URL(request.url).searchParams);
  return NextResponse.json(await countEnrollments(prisma, filters, viewer));
}
