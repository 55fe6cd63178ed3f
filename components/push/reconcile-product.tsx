"use client";

import { useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { zodResolver } from "@hookform/resolvers/zod";
import { FormProvider, useForm } from "react-hook-form";
import { AlertDialog } from "radix-ui";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { resolveProductRequest } from "@/lib/push/actions/push";
import { ZResolveInput, type TResolveActionInput } from "@/lib/push/push-input";
import { accountNumberProblem, DEFAULT_ACCOUNT_NUMBER_FORMAT, type TAccountNumberFormat } from "@/lib/product-codes/account-number-format";
import { PushTextField } from "./push-field";
import { useHydrated } from "./use-hydrated";

// The "opened" resolution's own fields, checked in the browser as the action checks them, with
// the account number in this product's format (the server checks it again).
const reconcileForm = (format: TAccountNumberFormat) =>
  ZResolveInput.options[0].pick({ accountNumber: true, note: true }).superRefine((values, ctx) => {
    const problem = accountNumberProblem(values.accountNumber, format);
    if (problem) ctx.addIssue({ code: "custom", path: ["accountNumber"], message: problem });
  });
type TReconcileForm = ReturnType<typeof reconcileForm>;

type TProps = {
  /** The enrollment the product belongs to (the action checks its branch scope). */
  enrollmentId: string;
  productRequestId: string;
  productCode: string;
  productName: string;
  customerNumber: string | null;
  customerName: string;
  /** What this product's account numbers look like (null: the default format). */
  accountNumberFormat: TAccountNumberFormat | null;
  /** Called once the product is settled (or was settled by someone else). */
  onResolved: () => void;
};

/**
 * Settles a product whose outcome is unknown: the account number the core shows (in the product's
 * format, confirmed on a summary naming customer, product and account), or "not created".
 */
export function ReconcileProduct({ enrollmentId, productRequestId, productCode, productName, customerNumber, customerName, accountNumberFormat, onResolved }: TProps) {
  const t = useTranslations("reconcile");
  const hydrated = useHydrated();
  const { executeAsync, isPending } = useAction(resolveProductRequest);
  const [error, setError] = useState<string | null>(null);
  const [toRecord, setToRecord] = useState<{ accountNumber: string; note?: string } | null>(null);
  // where focus goes once the summary closes: the settled product (onResolved), the refused field, or back to the button
  const afterSummary = useRef<(() => void) | null>(null);
  const recordButton = useRef<HTMLButtonElement>(null);
  const format = accountNumberFormat ?? DEFAULT_ACCOUNT_NUMBER_FORMAT;
  const schema = useMemo(() => reconcileForm(format), [format]);
  const form = useForm<z.input<TReconcileForm>, unknown, z.output<TReconcileForm>>({
    resolver: zodResolver(schema),
    defaultValues: { accountNumber: "", note: "" },
  });
  const note = (value: string | undefined) => (value && value.trim() !== "" ? value : undefined);

  const resolve = async (input: TResolveActionInput) => {
    setError(null);
    try {
      const result = await executeAsync(input);
      const kind = result?.data?.kind;
      if (kind === "not_pending") setError(t("notPending"));
      if (result?.data?.kind === "invalid") {
        // the server's check of the number, after the one in the browser
        for (const issue of result.data.errors) form.setError(issue.path, { type: "server", message: issue.message });
        afterSummary.current = () => form.setFocus("accountNumber");
      } else if (kind === "resolved" || kind === "not_pending") {
        afterSummary.current = onResolved;
      } else {
        setError(result?.serverError ?? (result?.validationErrors ? t("rejected") : t("failed")));
      }
    } catch {
      setError(t("failed"));
    }
    // "not created" has no summary open: what follows happens now
    if (toRecord === null) {
      const then = afterSummary.current;
      afterSummary.current = null;
      then?.();
    } else setToRecord(null);
  };

  // the number fits: the officer confirms what will be recorded (and told to the onboarding app)
  const onOpened = form.handleSubmit((values) => setToRecord({ accountNumber: values.accountNumber, note: note(values.note) }));
  const onNotCreated = () => resolve({ enrollmentId, productRequestId, resolution: "not_created", note: note(form.getValues("note")) });
  const scope = `reconcile-${productRequestId}`;
  const shape =
    format.minLength === format.maxLength
      ? t(format.digitsOnly ? "formatDigits" : "formatCharacters", { length: format.minLength })
      : t(format.digitsOnly ? "formatDigitsRange" : "formatCharactersRange", { min: format.minLength, max: format.maxLength });
  const hint = format.source === "default" ? shape : t(format.source === "product_code" ? "formatConfigured" : "formatLearnt", { shape, code: productCode });

  return (
    <FormProvider {...form}>
      <form onSubmit={onOpened} noValidate className="space-y-3" data-testid="reconcile-form">
        <fieldset disabled={!hydrated} className="space-y-3">
          <legend className="font-medium">{t("legend", { code: productCode })}</legend>
          <p>{t("explain", { customer: customerNumber ?? "—", code: productCode })}</p>
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <PushTextField name="accountNumber" scope={scope} label={t("accountNumber")} hint={hint} required maxLength={40} />
            <PushTextField name="note" scope={scope} label={t("note")} maxLength={500} />
          </div>
        </fieldset>
        {error && (
          <p role="alert" className="rounded-md bg-red-50 p-3 text-danger">
            {error}
          </p>
        )}
        <div className="flex flex-wrap gap-3">
          <Button ref={recordButton} type="submit" disabled={!hydrated || isPending}>
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
      <AlertDialog.Root open={toRecord !== null} onOpenChange={(open) => !open && !isPending && setToRecord(null)}>
        <AlertDialog.Portal>
          <AlertDialog.Overlay className="fixed inset-0 z-40 bg-zinc-950/50" />
          <AlertDialog.Content
            className="fixed left-1/2 top-1/2 z-50 w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 space-y-4 rounded-lg bg-white p-5 shadow-xl focus:outline-none"
            onEscapeKeyDown={(event) => isPending && event.preventDefault()}
            onCloseAutoFocus={(event) => {
              // no Radix trigger: this form decides where focus goes
              event.preventDefault();
              const then = afterSummary.current ?? (() => recordButton.current?.focus());
              afterSummary.current = null;
              then();
            }}
          >
            <AlertDialog.Title className="text-lg font-semibold">{t("recordTitle", { code: productCode })}</AlertDialog.Title>
            <AlertDialog.Description className="text-sm">{t("recordBody")}</AlertDialog.Description>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" data-testid="reconcile-summary">
              <dt className="font-medium">{t("summaryCustomer")}</dt>
              <dd>{t("summaryCustomerValue", { name: customerName || "—", number: customerNumber ?? "—" })}</dd>
              <dt className="font-medium">{t("summaryProduct")}</dt>
              <dd>{t("summaryProductValue", { code: productCode, name: productName })}</dd>
              <dt className="font-medium">{t("summaryAccount")}</dt>
              <dd className="font-mono">{toRecord?.accountNumber}</dd>
            </dl>
            <div className="flex flex-wrap justify-end gap-3">
              <AlertDialog.Cancel asChild>
                <Button variant="secondary" aria-disabled={isPending || undefined}>
                  {t("cancel")}
                </Button>
              </AlertDialog.Cancel>
              {/* aria-disabled, not disabled: the focused button must keep focus while the request runs */}
              <Button
                type="button"
                aria-disabled={isPending || undefined}
                onClick={() => toRecord && !isPending && void resolve({ enrollmentId, productRequestId, resolution: "opened", accountNumber: toRecord.accountNumber, note: toRecord.note })}
              >
                {isPending ? t("saving") : t("recordConfirm")}
              </Button>
            </div>
          </AlertDialog.Content>
        </AlertDialog.Portal>
      </AlertDialog.Root>
    </FormProvider>
  );
}
