"use client";

import { lazy, Suspense } from "react";
import type { TPipelineViewProps } from "./pipeline-view";
import type { TPushFormProps } from "./push-form";

// The push form and the pipeline are rendered on the server, but their code is split from the
// detail page's first load (bench/page-weight.ts) and fetched while the page hydrates; a page
// that shows neither (compliance, or nothing pushed yet) never loads it. React.lazy rather than
// next/dynamic: the latter's own runtime is 2 kB the page has no room for.
const PushForm = lazy(() => import("./push-form").then((mod) => ({ default: mod.PushForm })));
const PipelineView = lazy(() => import("./pipeline-view").then((mod) => ({ default: mod.PipelineView })));

const placeholder = <div aria-busy="true" className="h-16" />;

export function LazyPushForm(props: TPushFormProps) {
  return (
    <Suspense fallback={placeholder}>
      <PushForm {...props} />
    </Suspense>
  );
}

export function LazyPipelineView(props: TPipelineViewProps) {
  return (
    <Suspense fallback={placeholder}>
      <PipelineView {...props} />
    </Suspense>
  );
}
