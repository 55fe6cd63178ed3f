// What the enrollment page follows live of AML: each submission's status and attempts, read with
// the push pipeline (lib/push/get-pipeline.ts). The AML block itself is rendered on the server;
// when what it shows falls behind, the page renders again (components/push/pipeline-view.tsx).
// Pure, for the browser.

/** One submission as the page's live check reads it (no personal data). */
export type TAmlSubmissionState = { id: string; status: string; attempts: number };

/** Equal exactly when the AML block would show the same statuses and attempts. */
export const amlSignature = (submissions: readonly TAmlSubmissionState[]): string =>
  submissions.map((s) => `${s.id}:${s.status}:${s.attempts}`).join(",");

/** Whether a submission is still on its way to AMLYZE (its status will change without anyone acting). */
export const amlOnItsWay = (submissions: readonly TAmlSubmissionState[] | undefined): boolean =>
  submissions?.some((s) => s.status === "queued" || s.status === "sending") ?? false;
