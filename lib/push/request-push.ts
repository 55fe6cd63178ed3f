// "Push to core": checks everything a person could have got wrong, then, in one transaction,
// records the products, moves the enrollment to `pushing` and enqueues the job. The row lock
// and the status check make a second click, or a second officer, get "already in progress".
import type { TAuditActor } from "@/lib/audit/record-audit";
import { piiKeys, piiOwner } from "@/lib/crypto/pii";
import { validateEnrollment } from "@/lib/enrollment/validate";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { ZRelatedClientInfo } from "@/lib/integrations/core/schemas";
import { openIdentities, sealIdentities } from "@/lib/pii/identities";
import { enqueuePush } from "./jobs";
import type { TProductInput, TPushResult, TRelatedClientInput } from "./push-input";
import { readSwitch } from "@/lib/settings/switches";

export class EnrollmentNotFoundError extends Error {}

export type TRequestPushOptions = {
  enrollmentId: string;
  expectedVersion: number;
  products: TProductInput[];
  actor: TAuditActor;
  ip?: string | null;
};

const STARTABLE = new Set(["received", "in_review", "ready", "pushed", "failed"]);

type TMainDocument = { document_type_code: string; document_number: string; issuing_country_code: string };

/** The main document of an enrollment's reviewed payload, if it has a complete one. */
function mainDocumentOf(payload: Prisma.JsonValue): TMainDocument | null {
  const documents = (payload as { client_documents?: unknown } | null)?.client_documents;
  if (!Array.isArray(documents)) return null;
  const main = documents.find((d) => (d as { main?: unknown } | null)?.main === 1) as Record<string, unknown> | undefined;
  if (!main) return null;
  const [type, number, country] = [main.document_type_code, main.document_number, main.document_issuing_country_code ?? main.issuing_country_code];
  if (typeof type !== "string" || typeof number !== "string" || typeof country !== "string") return null;
  return { document_type_code: type, document_number: number, issuing_country_code: country };
}

/**
 * related_client_info[] as the core gets it (in clear). A related client picked by wisenroll code
 * is looked up among our enrollments: its core customer number and main document are filled in
 * from there.
 */
async function relatedClientInfo(tx: Prisma.TransactionClient, related: TRelatedClientInput[], path: string) {
  const errors: { path: string; message: string }[] = [];
  const out: Prisma.InputJsonObject[] = [];
  for (const [index, r] of related.entries()) {
    let customerNumber = r.customerNumber;
    let mainDocument: TMainDocument | null = r.mainDocument
      ? { document_type_code: r.mainDocument.documentTypeCode, document_number: r.mainDocument.documentNumber, issuing_country_code: r.mainDocument.issuingCountryCode }
      : null;
    if (r.relatedWisenrollCode) {
      const other = await tx.enrollment.findUnique({
        where: { wisenrollCode: r.relatedWisenrollCode },
        select: { id: true, customerNumber: true, payload: true },
      });
      if (other) {
        customerNumber ??= other.customerNumber === null ? null : Number(other.customerNumber);
        mainDocument ??= mainDocumentOf(openIdentities(other.payload, piiOwner.enrollment(other.id)));
      }
    }
    const entry = {
      customer_number: customerNumber,
      related_wisenroll_code: r.relatedWisenrollCode,
      account_link_type_code: r.accountLinkTypeCode ?? "O",
      authorized_signature: r.authorizedSignature,
      main_document: mainDocument,
    };
    const checked = ZRelatedClientInfo.safeParse(entry);
    if (!checked.success) {
      for (const issue of checked.error.issues) errors.push({ path: `${path}.related.${index}.${issue.path.join(".")}`, message: issue.message });
      continue;
    }
    out.push(entry as Prisma.InputJsonObject);
  }
  return { errors, out };
}

export async function requestPush(db: PrismaClient, options: TRequestPushOptions): Promise<TPushResult> {
  return db.$transaction(async (tx) => {
    // FOR UPDATE: a concurrent push request waits here, then sees `pushing` and stops.
    const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM enrollments WHERE id = ${options.enrollmentId}::uuid FOR UPDATE`;
    if (rows.length === 0) throw new EnrollmentNotFoundError(options.enrollmentId);
    const enrollment = await tx.enrollment.findUniqueOrThrow({
      where: { id: options.enrollmentId },
      select: { status: true, version: true, payload: true, lastEditedById: true, pushSeq: true },
    });
    if (enrollment.status === "pushing") return { kind: "in_progress" };
    if (enrollment.status === "needs_reconciliation") return { kind: "needs_reconciliation" };
    if (!STARTABLE.has(enrollment.status)) return { kind: "in_progress" };
    if (enrollment.version !== options.expectedVersion) return { kind: "stale", currentVersion: enrollment.version };
    const issueCount = validateEnrollment(openIdentities(enrollment.payload, piiOwner.enrollment(options.enrollmentId))).length;
    if (issueCount > 0) return { kind: "not_ready", issueCount };

    const fourEyes = await readSwitch(tx, "fourEyes");
    if (fourEyes.on && enrollment.lastEditedById !== null && enrollment.lastEditedById === options.actor.id) {
      await tx.auditEvent.create({
        data: {
          actorId: options.actor.id,
          actorLabel: options.actor.label,
          action: "enrollment.push_refused",
          targetType: "enrollment",
          targetId: options.enrollmentId,
          details: { reason: "four_eyes", version: enrollment.version },
          ip: options.ip ?? null,
        },
      });
      return { kind: "four_eyes" };
    }

    const codes = new Set(
      (await tx.productCode.findMany({ where: { active: true, code: { in: options.products.map((p) => p.productCode) } }, select: { code: true } })).map((p) => p.code),
    );
    const errors: { path: string; message: string }[] = [];
    const products: Prisma.ProductRequestCreateManyInput[] = [];
    const { keyring } = piiKeys();
    const existing = await tx.productRequest.count({ where: { enrollmentId: options.enrollmentId } });
    for (const [index, product] of options.products.entries()) {
      if (!codes.has(product.productCode)) errors.push({ path: `products.${index}.productCode`, message: `${product.productCode} is not an active product code` });
      const related = await relatedClientInfo(tx, product.related, `products.${index}`);
      errors.push(...related.errors);
      products.push({
        enrollmentId: options.enrollmentId,
        position: existing + index,
        productCode: product.productCode,
        openDate: new Date(`${product.openDate}T00:00:00Z`),
        relatedClientInfo: sealIdentities(related.out, piiOwner.enrollment(options.enrollmentId), keyring),
        requestedById: options.actor.id,
      });
    }
    if (errors.length > 0) return { kind: "invalid", errors };

    const pushSeq = enrollment.pushSeq + 1;
    if (products.length > 0) await tx.productRequest.createMany({ data: products });
    // Products a person confirmed were never created go again, as a new logical call.
    await tx.productRequest.updateMany({
      where: { enrollmentId: options.enrollmentId, status: "not_created" },
      data: { status: "queued", sendCount: { increment: 1 }, message: null },
    });
    await tx.enrollment.update({
      where: { id: options.enrollmentId },
      data: { status: "pushing", pushSeq, pushRequestedById: options.actor.id, pushRequestedAt: new Date(), pushFinishedAt: null, pushError: null },
    });
    await tx.auditEvent.create({
      data: {
        actorId: options.actor.id,
        actorLabel: options.actor.label,
        action: "enrollment.push_requested",
        targetType: "enrollment",
        targetId: options.enrollmentId,
        details: { pushSeq, version: enrollment.version, products: options.products.map((p) => p.productCode), fourEyes: fourEyes.on },
        ip: options.ip ?? null,
      },
    });
    await enqueuePush(tx, options.enrollmentId);
    return { kind: "queued", pushSeq };
  });
}
