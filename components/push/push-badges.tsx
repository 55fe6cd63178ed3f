"use client";

import { useTranslations } from "next-intl";
import { Badge, type TBadgeTone } from "@/components/ui/badge";
import type { TPipelineAttempt, TPipelineProduct } from "@/lib/push/get-pipeline";
import type { TCustomerStepState } from "@/lib/push/pipeline-steps";

// An unknown outcome is never green, and its wording never says it worked: a "?" marks it too.
const OUTCOME_TONE: Record<TPipelineAttempt["outcome"], TBadgeTone> = {
  pending: "info",
  success: "success",
  rejected: "danger",
  unknown: "warning",
  not_sent: "neutral",
};

const PRODUCT_TONE: Record<TPipelineProduct["status"], TBadgeTone> = {
  queued: "neutral",
  sending: "info",
  opened: "success",
  partial: "warning",
  refused: "danger",
  needs_reconciliation: "warning",
  not_created: "neutral",
};

const CUSTOMER_TONE: Record<TCustomerStepState, TBadgeTone> = {
  not_started: "neutral",
  waiting: "info",
  sending: "info",
  done: "success",
  retrying: "warning",
  rejected: "danger",
  failed: "danger",
};

const unknownMark = (unknown: boolean) =>
  unknown ? (
    <span aria-hidden="true" className="mr-1 font-bold">
      ?
    </span>
  ) : null;

export function OutcomeBadge({ outcome }: { outcome: TPipelineAttempt["outcome"] }) {
  const t = useTranslations("pipeline.outcome");
  return (
    <Badge tone={OUTCOME_TONE[outcome]} data-outcome={outcome}>
      {unknownMark(outcome === "unknown")}
      {t(outcome)}
    </Badge>
  );
}

export function ProductStatusBadge({ status }: { status: TPipelineProduct["status"] }) {
  const t = useTranslations("pipeline.productStatus");
  return (
    <Badge tone={PRODUCT_TONE[status]} data-status={status}>
      {unknownMark(status === "needs_reconciliation")}
      {t(status)}
    </Badge>
  );
}

export function CustomerStepBadge({ state }: { state: TCustomerStepState }) {
  const t = useTranslations("pipeline.customerState");
  return (
    <Badge tone={CUSTOMER_TONE[state]} data-state={state}>
      {t(state)}
    </Badge>
  );
}
