import { NextResponse } from "next/server";
import { requireApiPermission } from "@/lib/auth/guard";
import { prisma } from "@/lib/db/client";
import { listEnrollments } from "@/lib/queue/list-enrollments";
import { queueRequestOf } from "@/lib/queue/queue-request";

// GET /api/queue — one page of the queue for the console's own table (session auth), within the
// reader's branches.
export async function GET(request: Request) {
  const auth = await requireApiPermission("queue:read");
  if (auth.response) return auth.response;
  const { filters, viewer } = queueRequestOf(auth.user, new URL(request.url).searchParams);
  return NextResponse.json(await listEnrollments(prisma, filters, viewer));
}
