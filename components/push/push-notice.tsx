"use client";

import type { RefObject } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** The answer to the last push request, as the form shows it. */
export type TPushNotice =
  | { kind: "queued"; seq: number }
  | { kind: "stale"; version: number }
  | { kind: "not_ready"; count: number }
  | { kind: "in_progress" | "four_eyes" | "needs_reconciliation" | "invalid" | "identity_conflict" | "different_person" }
  | { kind: "error"; message: string };

type TNoticeProps = {
  notice: TPushNotice | null;
  noticeRef: RefObject<HTMLDivElement | null>;
  reloading: boolean;
  onReload: () => void;
};

/** What became of the last push request. Focused when the dialog closes, so it is read at once. */
export function PushNotice({ notice, noticeRef, reloading, onReload }: TNoticeProps) {
  const t = useTranslations("push.result");
  if (!notice) return null;
  const text = (() => {
    switch (notice.kind) {
      case "queued":
        return t("queued", { seq: notice.seq });
      case "stale":
        return t("stale", { version: notice.version });
      case "not_ready":
        return t("not_ready", { count: notice.count });
      case "error":
        return notice.message;
      default:
        return t(notice.kind);
    }
  })();
  const ok = notice.kind === "queued";
  return (
    <div
      ref={noticeRef}
      tabIndex={-1}
      role={ok ? "status" : "alert"}
      data-testid="push-notice"
      className={
        ok
          ? "rounded-md border border-blue-200 bg-blue-50 p-3 text-sm text-blue-950"
          : "flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
      }
    >
      <p className="whitespace-pre-line">{text}</p>
      {notice.kind === "stale" && (
        <Button type="button" variant="secondary" onClick={onReload} disabled={reloading}>
          {t("reload")}
        </Button>
      )}
    </div>
  );
}
