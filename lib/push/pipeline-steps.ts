// What the pipeline view shows, derived from the pipeline read model (get-pipeline.ts): the
// state of step 1 (core_customer) in the current push, the attempts of each step, and bodies
// made readable. Pure, for the browser.
import { amlOnItsWay } from "@/lib/aml/live";
import type { TPipeline, TPipelineAttempt } from "./get-pipeline";

export type TCustomerStepState = "not_started" | "waiting" | "sending" | "done" | "retrying" | "rejected" | "failed";

/**
 * Poll fast while the worker is pushing, every 2 s while an AML submission is on its way to
 * AMLYZE (the page's AML block follows it), slowly otherwise (someone else may push).
 */
export const pollInterval = (pipeline: Pick<TPipeline, "status" | "amlSubmissions"> | undefined): number =>
  pipeline?.status === "pushing" ? 1_000 : amlOnItsWay(pipeline?.amlSubmissions) ? 2_000 : 15_000;

// The call key of core_customer in push n (lib/push/pipeline.ts, customerCallKey).
const customerCallKey = (pipeline: TPipeline) => `core_customer:${pipeline.enrollmentId}:${pipeline.pushSeq}`;

/** Every core_customer attempt (newest first), and the state of the current push's step. */
export function customerStep(pipeline: TPipeline): { state: TCustomerStepState; attempts: TPipelineAttempt[] } {
  const attempts = pipeline.attempts.filter((attempt) => attempt.step === "core_customer");
  if (pipeline.pushSeq === 0) return { state: "not_started", attempts };
  const latest = attempts.find((attempt) => attempt.callKey === customerCallKey(pipeline));
  const pushing = pipeline.status === "pushing";
  if (!latest) return { state: pushing ? "waiting" : "not_started", attempts };
  switch (latest.outcome) {
    case "pending":
      return { state: "sending", attempts };
    case "success":
      return { state: "done", attempts };
    case "rejected":
      return { state: "rejected", attempts };
    default:
      // unknown or not sent: core_customer is retried while the push runs
      return { state: pushing ? "retrying" : "failed", attempts };
  }
}

/** The attempts of one requested product, newest first. */
export const productAttempts = (pipeline: TPipeline, productRequestId: string): TPipelineAttempt[] =>
  pipeline.attempts.filter((attempt) => attempt.productRequestId === productRequestId);

/** Which push (core_customer) or which send (core_product) an attempt belongs to, from its call key. */
export function callNumber(attempt: TPipelineAttempt): number | null {
  const last = Number(attempt.callKey.split(":").at(-1));
  if (!Number.isInteger(last)) return null;
  // core_product keys count sends from 0 (the first send is send 1)
  return attempt.step === "core_product" ? last + 1 : last;
}

/** A body as sent or received: pretty-printed when it is JSON, exactly as it was otherwise. */
export function readableBody(raw: string): { text: string; json: boolean } {
  try {
    return { text: JSON.stringify(JSON.parse(raw), null, 2), json: true };
  } catch {
    return { text: raw, json: false };
  }
}
