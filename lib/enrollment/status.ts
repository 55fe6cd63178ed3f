// The enrollment's statuses in groups, and what a save makes of one: the one home of these rules
// (the save, the push request, the page and the identity decisions read them).

/** A push runs or waits for a person: the payload and the identity decisions stay as they are. */
export const PUSH_RUNNING: ReadonlySet<string> = new Set(["pushing", "needs_reconciliation"]);

/** Statuses in which the payload may change. A pushed customer may be corrected; the next push updates it. */
export const EDITABLE: ReadonlySet<string> = new Set(["received", "in_review", "ready", "failed", "pushed", "customer_saved", "update_pending"]);

/**
 * Statuses in which an enrollment waits for an officer (review, a push, a retry, a reconciliation):
 * what "Next enrollment" hands out. Not while a push runs, nor once the customer and products are in.
 */
export const AWAITS_OFFICER: ReadonlySet<string> = new Set(["received", "in_review", "ready", "failed", "needs_reconciliation", "customer_saved", "update_pending"]);

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

/**
 * The status a push that changed nothing in the core leaves (`stop`: back to review when the data
 * must change, failed when the core could not be reached). When the enrollment's customer is in
 * the core already, it stays a customer whose update is still owed (`update_pending`), never
 * shown as if it were not in the core; the push error says why the update did not go.
 */
export function statusAfterUnsent(stop: "in_review" | "failed", enrollment: { inCore: boolean }): "in_review" | "failed" | "update_pending" {
  return enrollment.inCore ? "update_pending" : stop;
}
