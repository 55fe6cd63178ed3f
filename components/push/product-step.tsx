"use client";

import { Suspense, useRef } from "react";
import { PartBoundary, retryableLazy } from "@/components/ui/part-boundary";
import { Skeleton } from "@/components/ui/skeleton";
import { useFormatter, useTranslations } from "next-intl";
import { ReasonText } from "@/components/ui/reason-text";
import type { TPipeline, TPipelineProduct } from "@/lib/push/get-pipeline";
import { productAttempts } from "@/lib/push/pipeline-steps";
import { AttemptList } from "./attempt-list";
import { ProductStatusBadge } from "./push-badges";

// Only officers facing an unknown outcome need the reconciliation form (and its dialog).
const ReconcileProduct = retryableLazy(() => import("./reconcile-product").then((mod) => mod.ReconcileProduct));

type TProps = {
  pipeline: TPipeline;
  product: TPipelineProduct;
  canReconcile: boolean;
  onResolved: () => void;
};

/** One requested product: its status, the accounts the core reported (verbatim), and its attempts. */
export function ProductStep({ pipeline, product, canReconcile, onResolved }: TProps) {
  const t = useTranslations("pipeline");
  const format = useFormatter();
  const when = (iso: string | null) => (iso ? format.dateTime(new Date(iso), "moment") : "");
  const titleId = `product-${product.id}-title`;
  const heading = useRef<HTMLHeadingElement>(null);
  // ERROR entries already carry the core's messages; a message without accounts is the only word
  const showMessage = product.message !== null && product.accounts.length === 0 && product.status !== "not_created";

  return (
    <li aria-labelledby={titleId} className="space-y-2 rounded-md border border-border p-3" data-testid="pipeline-product" data-code={product.productCode}>
      <div className="flex flex-wrap items-center gap-3">
        {/* focus lands here once a reconciliation is saved: its form goes away */}
        <h4 id={titleId} ref={heading} tabIndex={-1} className="font-medium">
          {product.productCode} · {product.productName}
        </h4>
        <ProductStatusBadge status={product.status} />
        <span className="text-sm text-muted-foreground">
          {t("openDate")}: {product.openDate}
        </span>
      </div>
      {product.accounts.length > 0 && (
        <div className="text-sm">
          <p className="font-medium">{t("accounts")}</p>
          <ul className="space-y-0.5">
            {product.accounts.map((account, index) =>
              account.action === "CREATE" ? (
                <li key={index} data-testid="account-created">
                  {t("accountCreated", { product: account.accountProduct, number: account.accountNumber ?? "" })}
                </li>
              ) : (
                <li key={index} className="text-danger" data-testid="account-error">
                  {t("accountError", { product: account.accountProduct })} <span className="whitespace-pre-line">{account.message}</span>
                </li>
              ),
            )}
          </ul>
        </div>
      )}
      {showMessage && product.message && (
        <p className="whitespace-pre-line text-sm">
          <span className="font-medium">{t("coreMessage")}</span> <ReasonText reason={product.message} />
        </p>
      )}
      {product.resolution === "opened" && (
        <p className="text-sm" data-testid="resolution">
          {t("resolvedOpened", { name: product.resolvedBy ?? "—", time: when(product.resolvedAt), number: product.resolvedAccountNumber ?? "" })}
        </p>
      )}
      {product.resolution === "not_created" && (
        <p className="text-sm" data-testid="resolution">
          {t("resolvedNotCreated", { name: product.resolvedBy ?? "—", time: when(product.resolvedAt) })}
        </p>
      )}
      {product.resolutionNote && <p className="whitespace-pre-line text-sm">{t("resolutionNote", { note: product.resolutionNote })}</p>}
      {product.status === "needs_reconciliation" && (
        <div className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          <p>{t("unknownExplain")}</p>
          {canReconcile && pipeline.status !== "pushing" && (
            <PartBoundary onRetry={ReconcileProduct.retry}>
              <Suspense fallback={<Skeleton part="reconcile" lines={2} />}>
                <ReconcileProduct
                  enrollmentId={pipeline.enrollmentId}
                  productRequestId={product.id}
                  productCode={product.productCode}
                  productName={product.productName}
                  customerNumber={pipeline.customerNumber}
                  customerName={pipeline.fullName}
                  accountNumberFormat={product.accountNumberFormat}
                  onResolved={() => {
                    onResolved();
                    heading.current?.focus();
                  }}
                />
              </Suspense>
            </PartBoundary>
          )}
        </div>
      )}
      <AttemptList attempts={productAttempts(pipeline, product.id)} />
    </li>
  );
}
