"use client";

import { Suspense } from "react";
import { PartBoundary, retryableLazy } from "@/components/ui/part-boundary";
import { Skeleton } from "@/components/ui/skeleton";
import type { TPipelineViewProps } from "./pipeline-view";
import type { TPushFormProps } from "./push-form";

// The push form and the pipeline are rendered on the server, but their code is split from the
// detail page's first load (bench/page-weight.ts) and fetched while the page hydrates; a page
// that shows neither (compliance, or nothing pushed yet) never loads it. React.lazy rather than
// next/dynamic: the latter's own runtime is 2 kB the page has no room for. A download that
// fails stays inside its card, with a retry, and the section forms keep their input.
const PushForm = retryableLazy(() => import("./push-form").then((mod) => mod.PushForm));
const PipelineView = retryableLazy(() => import("./pipeline-view").then((mod) => mod.PipelineView));

export function LazyPushForm(props: TPushFormProps) {
  return (
    <PartBoundary onRetry={PushForm.retry}>
      <Suspense fallback={<Skeleton part="pushForm" />}>
        <PushForm {...props} />
      </Suspense>
    </PartBoundary>
  );
}

export function LazyPipelineView(props: TPipelineViewProps) {
  return (
    <PartBoundary onRetry={PipelineView.retry}>
      <Suspense fallback={<Skeleton part="pipeline" lines={4} />}>
        <PipelineView {...props} />
      </Suspense>
    </PartBoundary>
  );
}
