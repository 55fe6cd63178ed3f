"use client";

import { useTranslations } from "next-intl";
import { useFormState } from "react-hook-form";
import { Button } from "@/components/ui/button";

export type TNotice =
  | { kind: "saved"; changed: number }
  | { kind: "conflict"; version: number; editedBy: string | null }
  | { kind: "locked"; status: string };

type TProps = {
  notice: TNotice | null;
  reloading: boolean;
  onReload: () => void;
};

/** Alerts of a save that did not go through: conflict (with Reload), locked, server error. */
export function SaveNotices({ notice, reloading, onReload }: TProps) {
  const t = useTranslations("sectionForm");
  const tStatus = useTranslations("status");
  const serverError = useFormState().errors.root?.serverError?.message;
  return (
    <>
      {serverError && (
        <p role="alert" className="whitespace-pre-line rounded-md bg-red-50 p-3 text-sm text-danger">
          {serverError}
        </p>
      )}
      {notice?.kind === "conflict" && (
        <div role="alert" className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          <p>
            {notice.editedBy
              ? t("conflictBy", { name: notice.editedBy, version: notice.version })
              : t("conflict", { version: notice.version })}
          </p>
          <Button type="button" variant="secondary" onClick={onReload} disabled={reloading}>
            {t("reload")}
          </Button>
        </div>
      )}
      {notice?.kind === "locked" && (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          {t("locked", { status: tStatus.has(notice.status) ? tStatus(notice.status) : notice.status })}
        </p>
      )}
    </>
  );
}
