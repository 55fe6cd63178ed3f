"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { zodResolver } from "@hookform/resolvers/zod";
import { FormProvider, useForm } from "react-hook-form";
import { AlertDialog } from "radix-ui";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { resolveProductRequest } from "@/lib/push/actions/push";
import { ZResolveInput, type TResolveInput } from "@/lib/push/push-input";
import { PushTextField } from "./push-field";
import { useHydrated } from "./use-hydrated";

// The "opened" resolution's own fields, checked in the browser as the action checks them.
const ZReconcileForm = ZResolveInput.options[0].pick({ accountNumber: true, note: true });

type TProps = {
  productRequestId: string;
  productCode: string;
  customerNumber: string | null;
  /** Called once the product is settled (or was settled by someone else). */
  onResolved: () => void;
};

/** Settles a product whose outcome is unknown: the account number the core shows, or "not created". */
export function ReconcileProduct({ productRequestId, productCode, customerNumber, onResolved }: TProps) {
  const t = useTranslations("reconcile");
  const hydrated = useHydrated();
  const { executeAsync, isPending } = useAction(resolveProductRequest);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<z.input<typeof ZReconcileForm>, unknown, z.output<typeof ZReconcileForm>>({
    resolver: zodResolver(ZReconcileForm),
    defaultValues: { accountNumber: "", note: "" },
  });
  const note = (value: string | undefined) => (value && value.trim() !== "" ? value : undefined);

  const resolve = async (input: TResolveInput) => {
    setError(null);
    try {
      const result = await executeAsync(input);
      if (result?.data?.kind === "resolved") return onResolved();
      if (result?.data?.kind === "not_pending") {
        setError(t("notPending"));
        return onResolved();
      }
      setError(result?.serverError ?? (result?.validationErrors ? t("rejected") : t("failed")));
    } catch {
      setError(t("failed"));
    }
  };

  const onOpened = form.handleSubmit((values) =>
    resolve({ productRequestId, resolution: "opened", accountNumber: values.accountNumber, note: note(values.note) }),
  );
  const onNotCreated = () => resolve({ productRequestId, resolution: "not_created", note: note(form.getValues("note")) });
  const scope = `reconcile-${productRequestId}`;

  return (
    <FormProvider {...form}>
      <form onSubmit={onOpened} noValidate className="space-y-3" data-testid="reconcile-form">
        <fieldset disabled={!hydrated} className="space-y-3">
          <legend className="font-medium">{t("legend", { code: productCode })}</legend>
          <p>{t("explain", { customer: customerNumber ?? "—", code: productCode })}</p>
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <PushTextField name="accountNumber" scope={scope} label={t("accountNumber")} required maxLength={40} />
            <PushTextField name="note" scope={scope} label={t("note")} maxLength={500} />
          </div>
        </fieldset>
        {error && (
          <p role="alert" className="rounded-md bg-red-50 p-3 text-danger">
            {error}
          </p>
        )}
        <div className="flex flex-wrap gap-3">
          <Button type="submit" disabled={!hydrated || isPending}>
            {isPending ? t("saving") : t("opened")}
          </Button>
          <AlertDialog.Root>
            <AlertDialog.Trigger asChild>
              <Button type="button" variant="secondary" disabled={!hydrated || isPending}>
                {t("notCreated")}
              </Button>
            </AlertDialog.Trigger>
            <AlertDialog.Portal>
              <AlertDialog.Overlay className="fixed inset-0 z-40 bg-zinc-950/50" />
              <AlertDialog.Content className="fixed left-1/2 top-1/2 z-50 w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 space-y-4 rounded-lg bg-white p-5 shadow-xl focus:outline-none">
                <AlertDialog.Title className="text-lg font-semibold">{t("confirmTitle", { code: productCode })}</AlertDialog.Title>
                <AlertDialog.Description className="text-sm">{t("confirmBody", { code: productCode })}</AlertDialog.Description>
                <div className="flex flex-wrap justify-end gap-3">
                  <AlertDialog.Cancel asChild>
                    <Button variant="secondary">{t("cancel")}</Button>
                  </AlertDialog.Cancel>
                  <AlertDialog.Action asChild>
                    <Button onClick={() => void onNotCreated()}>{t("confirm")}</Button>
                  </AlertDialog.Action>
                </div>
              </AlertDialog.Content>
            </AlertDialog.Portal>
          </AlertDialog.Root>
        </div>
      </form>
    </FormProvider>
  );
}
