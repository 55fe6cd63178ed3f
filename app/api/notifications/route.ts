import { NextResponse } from "next/server";
import { requireApiPermission } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { prisma } from "@/lib/db/client";
import { BELL_SIZE, listNotifications, unreadCount } from "@/lib/notifications/inbox";

// GET /api/notifications — the bell: the reader's unread count and newest notifications, rendered
// for their role (session auth; only one's own).
export async function GET() {
  const auth = await requireApiPermission("notifications:read");
  if (auth.response) return auth.response;
  const [unread, list] = await Promise.all([
    unreadCount(prisma, auth.user.id),
    listNotifications(prisma, { userId: auth.user.id, mayReadAml: can(auth.user.role, "aml:read"), take: BELL_SIZE }),
  ]);
  return NextResponse.json({ unread, items: list.items }, { headers: { "Cache-Control": "no-store" } });
}
