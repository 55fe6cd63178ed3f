// The enrollment's status once nothing is in flight, from its products. One rule, used when a
// push ends and when a person reconciles a product, so both always agree.
import { piiOwner } from "@/lib/crypto/pii";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EnrollmentStatus, ProductRequestStatus } from "@/lib/generated/prisma/enums";
import { notifyPushEnded } from "@/lib/notifications/events";
import { openReason, sealReason } from "@/lib/pii/identities";
import type { TReason } from "@/lib/reasons/reason";

export type TSettledProduct = { productCode: string; status: ProductRequestStatus; sentInPush: number | null; message: TReason | null };

/** The status, and why it is not "pushed" (or what a person should still see): a reason, stored as a code. */
export type TSettlement = { status: EnrollmentStatus; pushError: TReason | null };

const lines = (items: Array<{ product: string; reason: TReason }>): TReason => ({ code: "push.products", items });

/** Pure: which status the enrollment ends in, and the reason shown when it is not "pushed". */
export function settlement(products: readonly TSettledProduct[], pushSeq: number): TSettlement {
  const count = (status: ProductRequestStatus) => products.filter((p) => p.status === status);
  const unknown = count("needs_reconciliation");
  if (unknown.length > 0) {
    return { status: "needs_reconciliation", pushError: { code: "push.unknown_outcome", products: unknown.map((p) => p.productCode) } };
  }
  const unsent = [...count("queued"), ...count("not_created")].map((p) => ({ product: p.productCode, reason: p.message ?? { code: "product.not_sent_yet" } }));
  // Refusals of earlier pushes were already reported; only this push's decide its outcome.
  const refused = products.filter((p) => p.status === "refused" && p.sentInPush === pushSeq);
  if (refused.length > 0) {
    return { status: "failed", pushError: lines([...refused.map((p) => ({ product: p.productCode, reason: p.message ?? { code: "product.refused" } })), ...unsent]) };
  }
  // Settling comes after the customer step succeeded: the customer is in the core, only products
  // wait (certainly not opened: not sent, or a person confirmed the core did not create them).
  if (unsent.length > 0) return { status: "customer_saved", pushError: { code: "push.products_not_opened", items: unsent } };
  // Pushed, but an account the core refused inside a partly opened product must not go unseen.
  const partial = products.filter((p) => p.status === "partial" && p.sentInPush === pushSeq);
  if (partial.length > 0) return { status: "pushed", pushError: lines(partial.map((p) => ({ product: p.productCode, reason: p.message ?? { code: "product.partly_opened" } }))) };
  return { status: "pushed", pushError: null };
}

/**
 * Writes the settlement of a push that is running (status `pushing`) or waiting for a person,
 * with its audit event, in one statement. The caller holds the enrollment (the push lock, or the
 * row lock of a reconciliation), so the products read here cannot change underneath.
 */
/**
 * Returns the status written, or null when the enrollment was not waiting to be settled. A push
 * that failed or waits for a person tells its requester, in the same transaction (not `actorId`,
 * the person reconciling, who knows).
 */
export async function settleEnrollment(tx: Prisma.TransactionClient, enrollmentId: string, pushSeq: number, actorId: string | null = null): Promise<EnrollmentStatus | null> {
  const db = tx;
  const rows = await db.productRequest.findMany({
    where: { enrollmentId },
    select: { productCode: true, status: true, sentInPush: true, message: true },
  });
  // The products' reasons (the core's words among them) are stored sealed, and so is the enrollment's.
  const owner = piiOwner.enrollmentBody(enrollmentId);
  const products = rows.map((row) => ({ ...row, message: openReason(row.message, owner) }));
  const result = settlement(products, pushSeq);
  const details = JSON.stringify({ pushSeq, status: result.status, products: products.length });
  const written = await db.$executeRaw`
    WITH settled AS (
      UPDATE enrollments SET status = ${result.status}::"EnrollmentStatus", push_error = ${sealReason(result.pushError, owner)}, push_finished_at = now(), updated_at = now()
      WHERE id = ${enrollmentId}::uuid AND push_seq = ${pushSeq} AND status IN ('pushing', 'needs_reconciliation')
      RETURNING id)
    INSERT INTO audit_events (actor_label, action, target_type, target_id, details)
    SELECT 'system:push-worker', 'enrollment.push_settled', 'enrollment', id::text, ${details}::jsonb FROM settled`;
  // The statement's count is the audit row's: one exactly when the enrollment was settled.
  if (written === 0) return null;
  await notifyPushEnded(tx, { enrollmentId, pushSeq, status: result.status, actorId });
  return result.status;
}
