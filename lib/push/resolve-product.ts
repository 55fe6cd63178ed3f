// A person settles a product whose outcome was unknown: either the core shows the account (enter
// its number, which must have the product's account number format) or it does not (confirm; the
// product may then be sent again). Audited, and the enrollment's status follows from its products
// exactly as when a push ends.
import type { TAuditActor } from "@/lib/audit/record-audit";
import { piiOwner } from "@/lib/crypto/pii";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { sealReason } from "@/lib/pii/identities";
import { accountNumberProblem } from "@/lib/product-codes/account-number-format";
import { accountNumberFormats } from "./account-number-formats";
import type { TResolveInput, TResolveResult } from "./push-input";
import { settleEnrollment } from "./settle";

export class ProductRequestNotFoundError extends Error {}

/** `enrollmentId`, when given, must be the product's enrollment (the action names it for the branch scope). */
export async function resolveProduct(db: PrismaClient, input: TResolveInput & { enrollmentId?: string; actor: TAuditActor; ip?: string | null }): Promise<TResolveResult> {
  return db.$transaction(async (tx) => {
    const product = await tx.productRequest.findUnique({
      where: { id: input.productRequestId },
      select: { id: true, enrollmentId: true, productCode: true },
    });
    if (!product || (input.enrollmentId !== undefined && product.enrollmentId !== input.enrollmentId)) throw new ProductRequestNotFoundError(input.productRequestId);
    // Lock the enrollment first (same order as a push request), then re-read the product.
    const [enrollment] = await tx.$queryRaw<{ status: string; push_seq: number }[]>`
      SELECT status::text AS status, push_seq FROM enrollments WHERE id = ${product.enrollmentId}::uuid FOR UPDATE`;
    const current = await tx.productRequest.findUniqueOrThrow({ where: { id: product.id }, select: { status: true } });
    // While a push runs, the worker owns the product; only a settled unknown can be resolved.
    if (current.status !== "needs_reconciliation" || !enrollment || enrollment.status === "pushing") return { kind: "not_pending" };
    if (input.resolution === "opened") {
      // What the onboarding app will be told was opened must be an account number the core could have given.
      const format = (await accountNumberFormats(tx, [product.productCode])).get(product.productCode)!;
      const problem = accountNumberProblem(input.accountNumber, format);
      if (problem) return { kind: "invalid", errors: [{ path: "accountNumber", message: problem }] };
    }

    const now = new Date();
    await tx.productRequest.update({
      where: { id: product.id },
      data:
        input.resolution === "opened"
          ? { status: "opened", resolution: "opened", resolvedAccountNumber: input.accountNumber, resolutionNote: input.note ?? null, resolvedById: input.actor.id, resolvedAt: now }
          : {
              status: "not_created",
              resolution: "not_created",
              resolutionNote: input.note ?? null,
              resolvedById: input.actor.id,
              resolvedAt: now,
              message: sealReason({ code: "product.confirmed_not_created" }, piiOwner.enrollmentBody(product.enrollmentId)),
            },
    });
    await tx.auditEvent.create({
      data: {
        actorId: input.actor.id,
        actorLabel: input.actor.label,
        action: "product.reconciled",
        targetType: "enrollment",
        targetId: product.enrollmentId,
        // The account number is not PII; the note may be, so only whether there is one.
        details: { productRequestId: product.id, productCode: product.productCode, resolution: input.resolution, hasNote: Boolean(input.note) },
        ip: input.ip ?? null,
      },
    });
    const status = await settleEnrollment(tx, product.enrollmentId, enrollment.push_seq, input.actor.id);
    return { kind: "resolved", status: status ?? enrollment.status, enrollmentId: product.enrollmentId };
  });
}
