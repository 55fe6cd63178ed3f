"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { StatusBadge } from "@/components/enrollment/status-badge";
import { Button } from "@/components/ui/button";
import { useRenderCatchUp } from "@/components/ui/use-render-catch-up";
import { ReasonText } from "@/components/ui/reason-text";
import type { TPipeline } from "@/lib/push/get-pipeline";
import { amlSignature } from "@/lib/aml/live";
import { customerStep, pollInterval } from "@/lib/push/pipeline-steps";
import { pushKeys } from "@/lib/push/query-keys";
import { AttemptList } from "./attempt-list";
import { ProductStep } from "./product-step";
import { CustomerStepBadge } from "./push-badges";

// GET /api/enrollments/{id}/pipeline
async function fetchPipeline(enrollmentId: string): Promise<TPipeline> {
  const response = await fetch(`/api/enrollments/${enrollmentId}/pipeline`, { cache: "no-store" });
  if (!response.ok) throw new Error(`Pipeline request failed (${response.status})`);
  return response.json();
}

export type TPipelineViewProps = {
  /** The pipeline as the server read it for this render, and when (ms since epoch). */
  initial: TPipeline;
  readAt: number;
  /** Officers may reconcile unknown outcomes; compliance only reads. */
  canReconcile: boolean;
};

/** The live push pipeline: step 1 core_customer, step 2 each product, every attempt. */
export function PipelineView({ initial, readAt, canReconcile }: TPipelineViewProps) {
  const t = useTranslations("pipeline");
  const tStatus = useTranslations("status");
  const format = useFormatter();
  const router = useRouter();
  const queryClient = useQueryClient();
  const queryKey = pushKeys.pipeline(initial.enrollmentId);
  const query = useQuery({
    queryKey,
    queryFn: () => fetchPipeline(initial.enrollmentId),
    initialData: initial,
    // the server's read time, so the "updated" line hydrates as it was rendered
    initialDataUpdatedAt: readAt,
    refetchInterval: (current) => pollInterval(current.state.data),
  });
  const pipeline = query.data;

  // The server parts (status badge, forms, push button, the AML block) follow the pipeline's
  // status and the AML submissions' (which go on after a push settled: "Queued" → accepted).
  const { isFetching } = query;
  const shown = `${initial.status}:${initial.pushSeq}:${amlSignature(initial.amlSubmissions)}`;
  const live = `${pipeline.status}:${pipeline.pushSeq}:${amlSignature(pipeline.amlSubmissions)}`;
  useRenderCatchUp(!isFetching && shown !== live, `${shown}>${live}`);

  // A server render newer than the cache (a push was just requested): read the pipeline again.
  const rendered = useRef(initial);
  useEffect(() => {
    if (rendered.current === initial) return;
    rendered.current = initial;
    void queryClient.invalidateQueries({ queryKey: pushKeys.pipeline(initial.enrollmentId) });
  }, [initial, queryClient]);

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey });
    router.refresh();
  };
  const when = (iso: string) => format.dateTime(new Date(iso), "precise");
  const customer = customerStep(pipeline);

  return (
    <div className="space-y-4" data-testid="pipeline" data-status={pipeline.status}>
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <StatusBadge status={pipeline.status} />
        {pipeline.pushRequestedAt && (
          <span>{t("pushLine", { seq: pipeline.pushSeq, name: pipeline.pushRequestedBy ?? "—", time: when(pipeline.pushRequestedAt) })}</span>
        )}
        {pipeline.pushFinishedAt && pipeline.status !== "pushing" && <span>{t("finishedLine", { time: when(pipeline.pushFinishedAt) })}</span>}
      </div>
      {pipeline.pushError && (
        // the core's own message verbatim (4XX), or why the push stopped in the reader's language
        <p role="alert" className="whitespace-pre-line rounded-md border border-red-200 bg-red-50 p-3 text-sm text-danger" data-testid="push-error">
          <ReasonText reason={pipeline.pushError} />
        </p>
      )}
      {query.isError && (
        <div role="alert" className="flex flex-wrap items-center gap-3 rounded-md bg-red-50 p-3 text-sm text-danger">
          {t("loadError")}
          <Button variant="secondary" onClick={() => void query.refetch()}>
            {t("retry")}
          </Button>
        </div>
      )}
      <ol className="space-y-4">
        <li className="space-y-2" aria-labelledby="pipeline-step1" data-testid="customer-step">
          <div className="flex flex-wrap items-center gap-3">
            <h3 id="pipeline-step1" className="font-medium">
              {t("step1")}
            </h3>
            <CustomerStepBadge state={customer.state} />
          </div>
          {customer.state === "waiting" && pipeline.pushRequestedAt && <WaitingForWorker since={pipeline.pushRequestedAt} />}
          <p className="text-sm">
            {t("customerNumber")}:{" "}
            <span className="font-mono" data-testid="customer-number">
              {pipeline.customerNumber ?? t("none")}
            </span>
          </p>
          <AttemptList attempts={customer.attempts} />
        </li>
        <li className="space-y-2" aria-labelledby="pipeline-step2">
          <h3 id="pipeline-step2" className="font-medium">
            {t("step2")}
          </h3>
          {pipeline.products.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("noProducts")}</p>
          ) : (
            <ul className="space-y-3">
              {pipeline.products.map((product) => (
                <ProductStep key={product.id} pipeline={pipeline} product={product} canReconcile={canReconcile} onResolved={refresh} />
              ))}
            </ul>
          )}
        </li>
      </ol>
      <p className="text-xs text-muted-foreground">
        {t("updated", { time: format.dateTime(new Date(query.dataUpdatedAt), "time") })}
      </p>
      {/* announced when the status changes, not at every poll */}
      <p className="sr-only" aria-live="polite">
        {tStatus.has(pipeline.status) ? tStatus(pipeline.status) : pipeline.status}
      </p>
    </div>
  );
}

/** After this long without the worker taking the push, the wait is longer than usual. */
const LONG_WAIT_SECONDS = 30;

/**
 * What a push that no worker took yet is waiting for, and since when, counting up. The count
 * starts after hydration (the server's clock would not match the browser's second).
 */
function WaitingForWorker({ since }: { since: string }) {
  const t = useTranslations("pipeline");
  const format = useFormatter();
  const [seconds, setSeconds] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setSeconds(Math.max(0, Math.round((Date.now() - Date.parse(since)) / 1000)));
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [since]);
  return (
    <div className="space-y-1 text-sm" data-testid="waiting-for-worker">
      <p>
        {t("waitingSince", { time: format.dateTime(new Date(since), "time") })}
        {seconds !== null && ` ${t("waitingFor", { seconds })}`}
      </p>
      {seconds !== null && seconds >= LONG_WAIT_SECONDS && (
        <p role="status" className="text-amber-800">
          {t("waitingLong")}
        </p>
      )}
    </div>
  );
}
