"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { deleteProductCodeAction } from "@/lib/product-codes/actions/delete-product-code";

/** Delete, for a code nobody ever requested; back to the list when done. */
export function DeleteProductCode({ code }: { code: string }) {
  const t = useTranslations("admin.products");
  const router = useRouter();
  const { executeAsync, isPending, result } = useAction(deleteProductCodeAction);
  const refused = result.data && result.data.kind !== "done" ? t(`errors.${result.data.kind}`) : result.serverError;
  return (
    <div className="space-y-2">
      <ConfirmDialog
        trigger={t("delete")}
        title={t("deleteTitle", { code })}
        description={t("deleteBody")}
        cancel={t("cancel")}
        confirm={t("delete")}
        disabled={isPending}
        onConfirm={async () => {
          const answer = await executeAsync({ code });
          if (answer?.data?.kind === "done") router.push("/admin/products");
        }}
      />
      {refused && (
        <p role="alert" className="text-sm text-danger">
          {refused}
        </p>
      )}
    </div>
  );
}
