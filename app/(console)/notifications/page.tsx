import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { NotificationList } from "@/components/notifications/notification-list";
import { requirePagePermission } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { prisma } from "@/lib/db/client";
import { listNotifications, PAGE_SIZE, unreadCount } from "@/lib/notifications/inbox";

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** All of the reader's notifications, newest first, a page at a time. */
export default async function NotificationsPage({ searchParams }: TProps) {
  const user = await requirePagePermission("notifications:read");
  const cursor = (await searchParams).cursor;
  const [t, page, unread] = await Promise.all([
    getTranslations("notifications"),
    listNotifications(prisma, { userId: user.id, mayReadAml: can(user.role, "aml:read"), take: PAGE_SIZE, cursor: typeof cursor === "string" ? cursor : null }),
    unreadCount(prisma, user.id),
  ]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <ClientMessages namespaces={["notifications"]}>
        <NotificationList items={page.items} unread={unread} />
      </ClientMessages>
      <nav aria-label={t("title")} className="flex gap-4 text-sm">
        {cursor && (
          <Link href="/notifications" className="text-brand hover:underline">
            {t("newest")}
          </Link>
        )}
        {page.nextCursor && (
          <Link href={`/notifications?cursor=${encodeURIComponent(page.nextCursor)}`} className="text-brand hover:underline" data-testid="notifications-older">
            {t("older")}
          </Link>
        )}
      </nav>
    </div>
  );
}
