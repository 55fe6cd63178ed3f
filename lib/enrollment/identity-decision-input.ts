// An officer's decision on who an enrollment's person is, shared by the form and the server actions
// (no server imports here). The reason is required: it is what a second officer and an auditor read.
import { z } from "zod";

export const DECISION_REASON_MAX = 500;

// The messages are codes the form translates (identity.reasonRequired, identity.reasonTooLong).
const ZReason = z.string().trim().min(1, "reasonRequired").max(DECISION_REASON_MAX, "reasonTooLong");

/** One document under another name or birth date: the same person whose data changed, or a different person. */
export const ZDecideConflictInput = z.object({
  enrollmentId: z.uuid(),
  decision: z.enum(["same_person", "different_person"]),
  reason: ZReason,
});
export type TDecideConflictInput = z.infer<typeof ZDecideConflictInput>;

/** Same name and birth date, another document: the officer judges them different people. */
export const ZDismissDuplicateInput = z.object({
  enrollmentId: z.uuid(),
  otherEnrollmentId: z.uuid(),
  reason: ZReason,
});
export type TDismissDuplicateInput = z.infer<typeof ZDismissDuplicateInput>;

/** The form's own fields (the ids come from the page). */
export const ZDecisionReasonForm = z.object({ reason: ZReason });

export type TDecideConflictResult = { kind: "decided" } | { kind: "not_found" } | { kind: "no_conflict" } | { kind: "locked"; status: string };

export type TDismissDuplicateResult =
  /** Recorded; it counts once a second officer confirms it (four-eyes on). */
  | { kind: "proposed" }
  /** A second officer confirmed it (or four-eyes is off): the warning is gone. */
  | { kind: "dismissed" }
  /** The officer who proposed the dismissal cannot confirm it. */
  | { kind: "four_eyes" }
  | { kind: "not_found" }
  | { kind: "not_duplicate" };
