"use client";

import { Suspense, useEffect, useMemo, useRef, useState, useTransition, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { FormProvider, useFieldArray, useForm, useFormState, type Resolver } from "react-hook-form";
import { useUnsavedLabels } from "@/components/enrollment/unsaved-guard";
import { unsavedSections } from "@/components/enrollment/unsaved-changes";
import { Button } from "@/components/ui/button";
import { PartBoundary, retryableLazy } from "@/components/ui/part-boundary";
import { Skeleton } from "@/components/ui/skeleton";
import { pushEnrollment } from "@/lib/push/actions/push";
import type { TProductCodeOption } from "@/lib/push/product-codes";
import { emptyProduct, formFieldOf, pushFormSchema, type TProductFormValues, type TPushFormValues } from "@/lib/push/push-form-values";
import type { TProductInput, TPushResult } from "@/lib/push/push-input";
import { pushKeys } from "@/lib/push/query-keys";
import { relatedClientProblem, type TRelatedClientMatch } from "@/lib/push/related-client";
import { ProductFields } from "./product-fields";
import { pushFieldId } from "./push-field";
import { PushNotice, type TPushNotice } from "./push-notice";
import { fetchRelatedClients } from "./related-lookup";
import type { TPendingProduct } from "./push-confirm-dialog";
import { useHydrated } from "./use-hydrated";

// Radix's dialog is only needed once the officer asks to push: load it then, not with the page.
const loadDialog = () => import("./push-confirm-dialog");
const PushConfirmDialog = retryableLazy(() => loadDialog().then((mod) => mod.PushConfirmDialog));

export type TPushFormState = "ready" | "in_progress" | "needs_reconciliation";

export type TPushFormProps = {
  enrollmentId: string;
  /** The version the page shows; a push of a newer one is refused as stale. */
  version: number;
  pushSeq: number;
  state: TPushFormState;
  /** Why the enrollment may not be pushed now, in the user's language (empty: it may). */
  blockedReasons: string[];
  productCodes: TProductCodeOption[];
  defaultProducts: TProductFormValues[];
  /** Today's date (YYYY-MM-DD), the default open date of a new product row. */
  today: string;
  /** Products of earlier pushes that go again with the next one. */
  pendingProducts: TPendingProduct[];
  /** The core customer this push updates (the enrollment's or its identity's); null: a create. */
  customerNumber: string | null;
  /** "Changes since received", rendered on the server, shown again in the confirmation. */
  changes: ReactNode;
};

type TPushFormOutput = { products: TProductInput[] };

/** Products for the next push, and the "Push to core" button with its confirmation. */
export function PushForm(props: TPushFormProps) {
  const { enrollmentId, version, pushSeq, state, productCodes, defaultProducts, today } = props;
  const t = useTranslations("push");
  const router = useRouter();
  const queryClient = useQueryClient();
  const [reloading, startReload] = useTransition();
  const hydrated = useHydrated();
  const { executeAsync, isPending } = useAction(pushEnrollment);
  const [notice, setNotice] = useState<TPushNotice | null>(null);
  const [toConfirm, setToConfirm] = useState<{ products: TProductInput[]; related: TRelatedClientMatch[][] } | null>(null);
  // a second press while the related clients are being looked up does nothing (the button keeps its focus)
  const checking = useRef(false);
  const [open, setOpen] = useState(false);
  const pushButton = useRef<HTMLButtonElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const afterClose = useRef<(() => void) | null>(null);

  const schema = useMemo(() => pushFormSchema(productCodes.map((option) => option.code)), [productCodes]);
  const [defaultValues] = useState<TPushFormValues>(() => ({ products: defaultProducts }));
  const form = useForm<TPushFormValues, unknown, TPushFormOutput>({
    // the inputs hold text; the schema coerces it (customer number), so its input type is looser
    resolver: zodResolver(schema) as unknown as Resolver<TPushFormValues, unknown, TPushFormOutput>,
    defaultValues,
    // checked when the officer asks to push, then as they correct: an error appearing on blur
    // shifts the layout under the pointer and swallows the click that caused the blur
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "products" });
  const addButton = useRef<HTMLButtonElement>(null);

  // a queued notice has done its job once the page shows the push it announced
  useEffect(() => {
    if (notice?.kind === "queued" && state !== "in_progress" && pushSeq >= notice.seq) setNotice(null);
    if (notice?.kind === "stale" && version >= notice.version) setNotice(null);
  }, [notice, state, pushSeq, version]);

  // typed but unsaved section input would not be pushed: it must be saved or discarded first
  const unsavedLabels = useUnsavedLabels(enrollmentId);
  const blockedReasons = [...props.blockedReasons, ...(unsavedLabels.length > 0 ? [t("blockedUnsaved", { sections: unsavedLabels.join(", ") })] : [])];
  const blocked = blockedReasons.length > 0;
  const reasonsId = `push-blocked-${enrollmentId}`;

  const onSubmit = form.handleSubmit(async (values) => {
    setNotice(null);
    // Every related client must be real before anything is confirmed: looked up now, as the push will.
    const refs = values.products.flatMap((product) =>
      product.related.map((r) => ({ customerNumber: r.customerNumber === null ? null : String(r.customerNumber), relatedWisenrollCode: r.relatedWisenrollCode })),
    );
    let matches: TRelatedClientMatch[] = [];
    if (refs.length > 0) {
      if (checking.current) return;
      checking.current = true;
      try {
        matches = await fetchRelatedClients(enrollmentId, refs);
      } catch {
        setNotice({ kind: "error", message: t("relatedCheck.checkFailed") });
        return focusNotice();
      } finally {
        checking.current = false;
      }
    }
    const related: TRelatedClientMatch[][] = [];
    const refused: string[] = [];
    let at = 0;
    for (const [index, product] of values.products.entries()) {
      related.push(
        product.related.map((r, row) => {
          const match = matches[at++] ?? { kind: "none" };
          const problem = relatedClientProblem(match, r.confirmUnknownCustomer === true);
          if (problem) {
            const field = `products.${index}.related.${row}.${problem.field}` as const;
            form.setError(field, { type: "related", message: problem.message });
            refused.push(field);
          }
          return match;
        }),
      );
    }
    if (refused[0]) {
      setNotice({ kind: "invalid" });
      return focusField(refused[0]);
    }
    setToConfirm({ products: values.products, related });
    setOpen(true);
  });

  const close = (then: () => void) => {
    afterClose.current = then;
    setOpen(false);
  };
  const focusNotice = () => noticeRef.current?.focus();

  const apply = (result: TPushResult) => {
    switch (result.kind) {
      case "queued":
        form.reset({ products: [] });
        setNotice({ kind: "queued", seq: result.pushSeq });
        void queryClient.invalidateQueries({ queryKey: pushKeys.pipeline(enrollmentId) });
        return close(focusNotice);
      case "stale":
        setNotice({ kind: "stale", version: result.currentVersion });
        return close(focusNotice);
      case "not_ready":
        setNotice({ kind: "not_ready", count: result.issueCount });
        return close(focusNotice);
      case "invalid": {
        const elsewhere: string[] = [];
        const onFields: string[] = [];
        for (const error of result.errors) {
          const field = formFieldOf(error.path);
          if (field) {
            form.setError(field as `products.${number}.productCode`, { type: "server", message: error.message });
            onFields.push(field);
          } else elsewhere.push(`${error.path}: ${error.message}`);
        }
        if (elsewhere.length > 0) form.setError("root.serverError", { type: "server", message: elsewhere.join("\n") });
        setNotice({ kind: "invalid" });
        const first = onFields[0];
        return close(first ? () => focusField(first) : focusNotice);
      }
      default:
        setNotice({ kind: result.kind });
        return close(focusNotice);
    }
  };

  const confirmPush = async () => {
    if (!toConfirm) return;
    if (unsavedSections(enrollmentId).size > 0) return close(() => pushButton.current?.focus());
    try {
      const result = await executeAsync({ enrollmentId, version, products: toConfirm.products });
      if (result?.data) apply(result.data);
      else {
        setNotice({ kind: "error", message: result?.serverError ?? (result?.validationErrors ? t("result.rejected") : t("result.failed")) });
        close(focusNotice);
      }
    } catch {
      setNotice({ kind: "error", message: t("result.failed") });
      close(focusNotice);
    }
  };

  return (
    <FormProvider {...form}>
      <div className="space-y-4">
        <PushNotice
          notice={notice}
          noticeRef={noticeRef}
          reloading={reloading}
          onReload={() => startReload(() => router.refresh())}
        />
        {state === "ready" ? (
          <form onSubmit={onSubmit} noValidate aria-labelledby="push-products-title" className="space-y-4">
            <h3 id="push-products-title" className="font-medium">
              {t("productsTitle")}
            </h3>
            <ServerError />
            {/* disabled until this chunk has hydrated, so no early click is lost */}
            <fieldset disabled={!hydrated} className="m-0 min-w-0 space-y-4 border-0 p-0">
              {fields.length === 0 && <p className="text-sm text-muted-foreground">{t("noProducts")}</p>}
              {fields.map((field, index) => (
                <ProductFields
                  key={field.id}
                  enrollmentId={enrollmentId}
                  index={index}
                  productCodes={productCodes}
                  onRemove={() => {
                    remove(index);
                    addButton.current?.focus();
                  }}
                />
              ))}
              <Button
                ref={addButton}
                type="button"
                variant="secondary"
                onClick={() => {
                  append(emptyProduct(today), { shouldFocus: false });
                  requestAnimationFrame(() => form.setFocus(`products.${fields.length}.productCode`));
                }}
              >
                {t("addProduct")}
              </Button>
              {props.pendingProducts.length > 0 && (
                <div className="text-sm">
                  <p>{t("alsoSent")}</p>
                  <ul className="list-disc pl-5">
                    {props.pendingProducts.map((product) => (
                      <li key={product.id}>{t("pendingProduct", { code: product.productCode, name: product.productName, date: product.openDate })}</li>
                    ))}
                  </ul>
                </div>
              )}
              <div className="space-y-2 border-t border-border pt-4">
                <Button
                  ref={pushButton}
                  type="submit"
                  disabled={blocked || isPending}
                  aria-describedby={blocked ? reasonsId : undefined}
                  onPointerEnter={() => void loadDialog()}
                  onFocus={() => void loadDialog()}
                >
                  {props.customerNumber ? t("pushUpdateButton") : t("pushButton")}
                </Button>
                {blocked && (
                  <ul id={reasonsId} className="space-y-1 text-sm text-amber-900" data-testid="push-blocked">
                    {blockedReasons.map((reason) => (
                      <li key={reason}>{reason}</li>
                    ))}
                  </ul>
                )}
              </div>
            </fieldset>
          </form>
        ) : (
          <p className="text-sm">{state === "in_progress" ? t("inProgress") : t("needsReconciliation")}</p>
        )}
      </div>
      {toConfirm && (
        <PartBoundary onRetry={PushConfirmDialog.retry}>
          <Suspense fallback={<Skeleton part="pushDialog" lines={1} />}>
            <PushConfirmDialog
              open={open}
              pending={isPending}
              products={toConfirm.products}
              related={toConfirm.related}
              pendingProducts={props.pendingProducts}
              productCodes={productCodes}
              customerNumber={props.customerNumber}
              changes={props.changes}
              onCancel={() => close(() => pushButton.current?.focus())}
              onConfirm={confirmPush}
              onCloseAutoFocus={() => {
                const then = afterClose.current ?? (() => pushButton.current?.focus());
                afterClose.current = null;
                then();
              }}
            />
          </Suspense>
        </PartBoundary>
      )}
    </FormProvider>
  );
}

function focusField(name: string) {
  const element = document.getElementById(pushFieldId(name));
  const target = element?.matches("input, select, textarea, button") ? element : element?.querySelector<HTMLElement>("input, select, textarea, button");
  target?.focus();
}

/** Errors of the push that belong to no field, above the products. */
function ServerError() {
  const message = useFormState().errors.root?.serverError?.message;
  if (!message) return null;
  return (
    <p role="alert" className="whitespace-pre-line rounded-md bg-red-50 p-3 text-sm text-danger">
      {message}
    </p>
  );
}
