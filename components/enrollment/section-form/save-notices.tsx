"use client";

import { useFormatter, useNow, useTranslations } from "next-intl";
import { useFormState } from "react-hook-form";
import { Button } from "@/components/ui/button";

/** The answer to one press of Save (or to a refusal before sending). */
export type TNotice =
  | { kind: "saved"; changed: number }
  | { kind: "unchanged" }
  | { kind: "invalid" }
  | { kind: "choose"; fields: string[] }
  | { kind: "conflict"; editedBy: string | null; editedAt: string | null; choices: number }
  | { kind: "locked"; status: string }
  | { kind: "signedOut" }
  | { kind: "failed"; message: string | null };

type TProps = {
  notice: TNotice | null;
  sectionLabel: string;
  onDismiss: () => void;
};

const ALERT = "rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950";

/** The alerts of a save that did not store: each says why, and stays until the officer acts. */
export function SaveNotices({ notice, sectionLabel, onDismiss }: TProps) {
  const t = useTranslations("sectionForm");
  const tStatus = useTranslations("status");
  const format = useFormatter();
  const now = useNow({ updateInterval: 30_000 });
  const serverError = useFormState().errors.root?.serverError?.message;
  return (
    <>
      {serverError && (
        <p role="alert" className="whitespace-pre-line rounded-md bg-red-50 p-3 text-sm text-danger">
          {serverError}
        </p>
      )}
      {notice?.kind === "invalid" && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-danger">
          {t("notSavedInvalid")}
        </p>
      )}
      {notice?.kind === "choose" && (
        <p role="alert" className={ALERT}>
          {t("notSavedChoose", { fields: notice.fields.join(", ") })}
        </p>
      )}
      {notice?.kind === "conflict" && (
        <div role="alert" className={`flex flex-wrap items-center justify-between gap-3 ${ALERT}`} data-testid="save-conflict">
          <p>
            {notice.editedBy && notice.editedAt
              ? t("conflictBy", { name: notice.editedBy, section: sectionLabel, when: format.relativeTime(new Date(notice.editedAt), now) })
              : t("conflict", { section: sectionLabel })}{" "}
            {t("conflictKept", { choices: notice.choices })}
          </p>
          <Button type="button" variant="secondary" onClick={onDismiss}>
            {t("dismiss")}
          </Button>
        </div>
      )}
      {notice?.kind === "locked" && (
        <p role="alert" className={ALERT}>
          {t("locked", { status: tStatus.has(notice.status) ? tStatus(notice.status) : notice.status })}
        </p>
      )}
      {notice?.kind === "signedOut" && (
        <div role="alert" className={ALERT} data-testid="save-signed-out">
          <p>{t("signedOut")}</p>
          <a href="/login" target="_blank" rel="noopener" className="mt-1 inline-block font-medium text-brand underline">
            {t("signInNewTab")}
          </a>
        </div>
      )}
      {notice?.kind === "failed" && (
        <p role="alert" className="whitespace-pre-line rounded-md bg-red-50 p-3 text-sm text-danger">
          {notice.message ?? t("failed")}
        </p>
      )}
    </>
  );
}
