"use client";

import { Suspense } from "react";
import { PartBoundary, retryableLazy } from "@/components/ui/part-boundary";
import { Skeleton } from "@/components/ui/skeleton";
import type { TIdentityDecisionFormProps } from "./identity-decision-form";

// Only a page with a conflict or a possible duplicate shows the form: its code stays out of the
// detail page's first load (bench/page-weight.ts) and fails inside its own card.
const IdentityDecisionForm = retryableLazy(() => import("./identity-decision-form").then((mod) => mod.IdentityDecisionForm));

export function LazyIdentityDecisionForm(props: TIdentityDecisionFormProps) {
  return (
    <PartBoundary onRetry={IdentityDecisionForm.retry}>
      <Suspense fallback={<Skeleton part="identityDecision" lines={2} />}>
        <IdentityDecisionForm {...props} />
      </Suspense>
    </PartBoundary>
  );
}
