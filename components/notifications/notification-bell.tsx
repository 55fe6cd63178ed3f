import { ClientMessages } from "@/components/layout/client-messages";
import type { TCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/roles";
import { prisma } from "@/lib/db/client";
import { unreadCount } from "@/lib/notifications/inbox";
import { NotificationBellButton } from "./notification-bell-button";

/** The header's bell, with the unread count as the server reads it (one indexed count). */
export async function NotificationBell({ user }: { user: TCurrentUser }) {
  if (user.pending || !can(user.role, "notifications:read")) return null;
  const unread = await unreadCount(prisma, user.id);
  return (
    <ClientMessages namespaces={["notifications"]}>
      <NotificationBellButton initialUnread={unread} readAt={Date.now()} />
    </ClientMessages>
  );
}
