"use client";

import { useTranslations } from "next-intl";
import type { TNotificationItem } from "@/lib/notifications/kinds";

const LISTS = new Set(["sanctions", "pep", "adverse_media", "internal_list"]);

/** One notification in the reader's language; names and codes are data (translate="no"). */
export function NotificationText({ item }: { item: TNotificationItem }) {
  const t = useTranslations("notifications");
  const list = item.list && LISTS.has(item.list) ? t(`list.${item.list as "sanctions"}`) : t("list.other");
  return t.rich(`kind.${item.kind}`, {
    who: () =>
      item.byName ? (
        <span translate="no" className="font-medium">
          {item.byName}
        </span>
      ) : (
        t("someone")
      ),
    code: () => (
      <span translate="no" className="font-mono">
        {item.code}
      </span>
    ),
    list,
  });
}
