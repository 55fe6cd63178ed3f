"use client";

import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { revokeIntakeKeyAction } from "@/lib/intake/actions/revoke-intake-key";

export function RevokeKeyButton({ id, name }: { id: string; name: string }) {
  const t = useTranslations("admin.keys");
  const { execute, isPending, result } = useAction(revokeIntakeKeyAction);
  return (
    <>
      <ConfirmDialog
        trigger={t("revoke")}
        title={t("revokeTitle", { name })}
        description={t("revokeBody")}
        cancel={t("cancel")}
        confirm={t("revoke")}
        disabled={isPending}
        onConfirm={() => execute({ id })}
      />
      {(result.serverError || result.data?.kind === "not_found") && (
        <p role="alert" className="text-sm text-danger">
          {result.serverError ?? t("errors.not_found")}
        </p>
      )}
    </>
  );
}
