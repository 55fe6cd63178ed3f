"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { markNotificationsRead } from "@/lib/notifications/actions/mark-notifications-read";
import type { TNotificationItem } from "@/lib/notifications/kinds";
import { notificationKeys } from "@/lib/notifications/query-keys";
import { NotificationText } from "./notification-text";

/** The notifications page's list: each links to the place to act, and can be marked read. */
export function NotificationList({ items, unread }: { items: TNotificationItem[]; unread: number }) {
  const t = useTranslations("notifications");
  const format = useFormatter();
  const router = useRouter();
  const queryClient = useQueryClient();
  const mark = useAction(markNotificationsRead, {
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
      router.refresh();
    },
  });
  if (items.length === 0) return <p className="text-muted-foreground">{t("empty")}</p>;
  return (
    <div className="space-y-3">
      {unread > 0 && (
        <Button variant="secondary" disabled={mark.isPending} onClick={() => mark.execute({ all: true })}>
          {t("markAllRead")}
        </Button>
      )}
      <ul className="divide-y divide-border rounded-lg border border-border bg-white" data-testid="notification-list">
        {items.map((item) => (
          <li key={item.id} className="flex items-start gap-3 px-4 py-3 text-sm" data-testid="notification-row" data-read={item.read}>
            <div className="min-w-0 flex-1">
              <Link href={item.href} className={item.read ? "text-muted-foreground hover:underline" : "font-medium hover:underline"} onClick={() => !item.read && mark.execute({ ids: [item.id] })}>
                {!item.read && <span className="sr-only">{t("unread")}: </span>}
                <NotificationText item={item} />
              </Link>
              <span className="block text-xs text-muted-foreground">
                <time dateTime={item.at}>{format.dateTime(new Date(item.at), "moment")}</time>
              </span>
            </div>
            {!item.read && (
              <Button variant="ghost" className="h-8 shrink-0" disabled={mark.isPending} onClick={() => mark.execute({ ids: [item.id] })}>
                {t("markRead")}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
