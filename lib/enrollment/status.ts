// The enrollment's statuses in groups, and what a save makes of one: the one home of these rules
// (the save, the push request, the page and the identity decisions read them).

/** A push runs or waits for a person: the payload and the identity decisions stay as they are. */
export const PUSH_RUNNING: ReadonlySet<string> = new Set(["pushing", "needs_reconciliation"]);

/** Statuses in which the payload may change. A pushed customer may be corrected; the next push updates it. */
export const EDITABLE: ReadonlySet<string> = new Set(["received", "in_review", "ready", "failed", "pushed", "customer_saved", "update_pending"]);

/** Statuses from which a push may start (everything editable). */
export const STARTABLE: ReadonlySet<string> = EDITABLE;

/**
 * The status a save leaves: once the customer is in the core, an edit is an update the core has
 * not had yet (`update_pending`, never "Ready"); before, ready when no rule is broken.
 */
export function statusAfterEdit(enrollment: { issueCount: number; customerNumber: bigint | string | null }): "ready" | "in_review" | "update_pending" {
  if (enrollment.customerNumber !== null) return "update_pending";
  return enrollment.issueCount === 0 ? "ready" : "in_review";
}
