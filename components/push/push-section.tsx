import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { TPipeline } from "@/lib/push/get-pipeline";
import type { TProductCodeOption } from "@/lib/push/product-codes";
import { productsFromRequested } from "@/lib/push/push-form-values";
import type { TPushFormState } from "./push-form";
import { LazyPipelineView, LazyPushForm } from "./lazy-push";

const STATE: Record<string, TPushFormState> = { pushing: "in_progress", needs_reconciliation: "needs_reconciliation" };

type TPushSectionProps = {
  pipeline: TPipeline;
  requestedProducts: unknown;
  productCodes: TProductCodeOption[];
  issueCount: number;
  /** Four-eyes is on and the current user made the enrollment's last edit. */
  lastEditorMayNotPush: boolean;
  /** Why the identity stops the push (identity-match.ts), if it does. */
  identityStop: "identity_conflict" | "different_person" | null;
  /** The core customer this push updates; null: it creates one. */
  customerNumber: string | null;
  /** Today's date, YYYY-MM-DD. */
  today: string;
  changes: ReactNode;
};

/** "Push to core" for officers: the products of the next push and the button, with why it is disabled. */
export function PushSection({ pipeline, requestedProducts, productCodes, issueCount, lastEditorMayNotPush, identityStop, customerNumber, today, changes }: TPushSectionProps) {
  const t = useTranslations("push");
  const blockedReasons = [
    ...(issueCount > 0 ? [t("blockedIssues", { count: issueCount })] : []),
    ...(lastEditorMayNotPush ? [t("blockedFourEyes")] : []),
    ...(identityStop === "identity_conflict" ? [t("blockedIdentity")] : identityStop === "different_person" ? [t("blockedDifferentPerson")] : []),
  ];
  // Prefill from the intake's request only until a product was requested through the console.
  const defaultProducts = pipeline.products.length === 0 ? productsFromRequested(requestedProducts, today) : [];
  const pendingProducts = pipeline.products
    .filter((product) => product.status === "queued" || product.status === "not_created")
    .map((product) => ({ id: product.id, productCode: product.productCode, productName: product.productName, openDate: product.openDate }));
  return (
    <section id="push" aria-labelledby="push-title" className="scroll-mt-4 space-y-3 rounded-lg border border-border bg-white p-4">
      <h2 id="push-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-muted-foreground">{t("intro")}</p>
      <LazyPushForm
        enrollmentId={pipeline.enrollmentId}
        version={pipeline.version}
        pushSeq={pipeline.pushSeq}
        state={STATE[pipeline.status] ?? "ready"}
        blockedReasons={blockedReasons}
        productCodes={productCodes}
        defaultProducts={defaultProducts}
        today={today}
        pendingProducts={pendingProducts}
        customerNumber={customerNumber}
        changes={changes}
      />
    </section>
  );
}

/** The push pipeline for officers and compliance; only officers get the reconciliation forms. */
export function PipelineSection({ pipeline, readAt, canReconcile }: { pipeline: TPipeline; readAt: number; canReconcile: boolean }) {
  const t = useTranslations("pipeline");
  const pushedOnce = pipeline.pushSeq > 0 || pipeline.products.length > 0;
  return (
    <section id="pipeline" aria-labelledby="pipeline-title" className="scroll-mt-4 space-y-3 rounded-lg border border-border bg-white p-4">
      <h2 id="pipeline-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {pushedOnce ? (
        <LazyPipelineView initial={pipeline} readAt={readAt} canReconcile={canReconcile} />
      ) : (
        <p className="text-sm text-muted-foreground">{t("notPushed")}</p>
      )}
    </section>
  );
}
