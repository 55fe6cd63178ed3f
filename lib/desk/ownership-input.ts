// Inputs and outcomes of the desk's ownership actions, shared by the queue, the enrollment page
// and the server (no server imports here).
import { z } from "zod";

/** One enrollment or a bulk selection from the queue's checkboxes. */
const ZEnrollmentIds = z.array(z.uuid()).min(1, { error: "select at least one enrollment" }).max(100, { error: "at most 100 at a time" });

export const ZClaimInput = z.object({ enrollmentIds: ZEnrollmentIds });
export const ZReleaseInput = z.object({ enrollmentIds: ZEnrollmentIds });
export const ZAssignInput = z.object({ enrollmentIds: ZEnrollmentIds, assigneeId: z.uuid({ error: "choose an officer" }) });
export type TAssignInput = z.infer<typeof ZAssignInput>;

/**
 * What a change of owners did. All or nothing: when one enrollment cannot change, none does, and
 * the outcome says why (`taken`: someone else owns it; `notYours`: only its owner or a lead may
 * release it; `notLead`: only leads assign; `assignee`: not an active officer of its branch).
 */
export type TOwnershipResult =
  | { kind: "done"; changed: number }
  | { kind: "taken"; count: number }
  | { kind: "notYours"; count: number }
  | { kind: "notLead" }
  | { kind: "assignee" };
