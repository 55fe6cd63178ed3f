"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { BellIcon } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { Popover } from "radix-ui";
import { useState } from "react";
import { markNotificationsRead } from "@/lib/notifications/actions/mark-notifications-read";
import type { TNotificationItem } from "@/lib/notifications/kinds";
import { notificationKeys } from "@/lib/notifications/query-keys";
import { NotificationText } from "./notification-text";
import { useLiveNotifications } from "./use-live-notifications";

type TBell = { unread: number; items: TNotificationItem[] | null };

// GET /api/notifications
async function fetchBell(): Promise<TBell> {
  const response = await fetch("/api/notifications", { cache: "no-store" });
  if (!response.ok) throw new Error(`notifications answered ${response.status}`);
  return (await response.json()) as TBell;
}

/** The header's bell: the unread count, live, and a popover of the newest notifications to act on. */
export function NotificationBellButton({ initialUnread, readAt }: { initialUnread: number; readAt: number }) {
  const t = useTranslations("notifications");
  const format = useFormatter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  useLiveNotifications();
  const { data, isError } = useQuery({
    queryKey: notificationKeys.bell(),
    queryFn: fetchBell,
    // the server's count at render; the list is read when first needed
    initialData: { unread: initialUnread, items: null },
    initialDataUpdatedAt: readAt,
  });
  const mark = useAction(markNotificationsRead, { onSuccess: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all }) });
  const unread = data.unread;

  return (
    <Popover.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next && data.items === null) void queryClient.invalidateQueries({ queryKey: notificationKeys.bell() });
      }}
    >
      <Popover.Trigger asChild>
        <button type="button" className="relative inline-flex h-9 w-9 items-center justify-center rounded-md hover:bg-muted" aria-label={t("bell", { count: unread })} data-testid="notification-bell">
          <BellIcon aria-hidden className="h-5 w-5" />
          {unread > 0 && (
            <span aria-hidden className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-danger px-1 text-center text-xs font-semibold leading-5 text-white" data-testid="notification-count">
              {unread > 99 ? "99+" : unread}
            </span>
          )}
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content align="end" sideOffset={6} className="z-50 w-96 max-w-[calc(100vw-1rem)] rounded-lg border border-border bg-white p-3 text-sm shadow-lg" aria-labelledby="notification-popover-title">
          <div className="mb-2 flex items-center gap-2">
            <h2 id="notification-popover-title" className="font-semibold">
              {t("title")}
            </h2>
            {unread > 0 && (
              <button type="button" className="ml-auto text-brand hover:underline disabled:opacity-50" disabled={mark.isPending} onClick={() => mark.execute({ all: true })}>
                {t("markAllRead")}
              </button>
            )}
          </div>
          {isError && data.items === null ? (
            <p role="alert" className="text-danger">{t("loadFailed")}</p>
          ) : data.items !== null && data.items.length === 0 ? (
            <p className="text-muted-foreground">{t("empty")}</p>
          ) : (
            <ul className="max-h-96 space-y-1 overflow-y-auto" aria-busy={data.items === null}>
              {(data.items ?? []).map((item) => (
                <li key={item.id}>
                  <Link
                    href={item.href}
                    className={`block rounded-md px-2 py-1.5 hover:bg-muted ${item.read ? "text-muted-foreground" : ""}`}
                    data-testid="notification-item"
                    data-kind={item.kind}
                    data-read={item.read}
                    onClick={() => {
                      if (!item.read) mark.execute({ ids: [item.id] });
                      setOpen(false);
                    }}
                  >
                    {!item.read && <span className="sr-only">{t("unread")}: </span>}
                    {!item.read && <span aria-hidden className="mr-1.5 inline-block h-2 w-2 rounded-full bg-brand" />}
                    <NotificationText item={item} />
                    <span className="block text-xs text-muted-foreground">
                      <time dateTime={item.at}>{format.dateTime(new Date(item.at), "moment")}</time>
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
          <Link href="/notifications" className="mt-2 block border-t border-border pt-2 text-brand hover:underline" onClick={() => setOpen(false)}>
            {t("seeAll")}
          </Link>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
