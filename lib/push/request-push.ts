// "Push to core": checks everything a person could have got wrong, then, in one transaction,
// records the products, moves the enrollment to `pushing` and enqueues the job. The row lock
// and the status check make a second click, or a second officer, get "already in progress".
import type { TAuditActor } from "@/lib/audit/record-audit";
import { piiKeys, piiOwner } from "@/lib/crypto/pii";
import { mainDocument } from "@/lib/enrollment/identity";
import { identityBlock } from "@/lib/enrollment/identity-match";
import { ALL_BRANCHES, readIdentityMatch } from "@/lib/enrollment/identity-matches";
import { STARTABLE } from "@/lib/enrollment/status";
import { validateEnrollment } from "@/lib/enrollment/validate";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { ZRelatedClientInfo } from "@/lib/integrations/core/schemas";
import { openIdentities, sealIdentities } from "@/lib/pii/identities";
import { enqueuePush } from "./jobs";
import { relatedClientProblem } from "./related-client";
import { resolveRelatedClients } from "./related-clients";
import type { TProductInput, TPushResult, TRelatedClientInput } from "./push-input";
import { readSwitch } from "@/lib/settings/switches";
import { notifyFourEyes } from "@/lib/notifications/events";

export class EnrollmentNotFoundError extends Error {}

export type TRequestPushOptions = {
  enrollmentId: string;
  expectedVersion: number;
  products: TProductInput[];
  actor: TAuditActor;
  ip?: string | null;
};

type TMainDocument = { document_type_code: string; document_number: string; issuing_country_code: string };

/** The main document of an enrollment's reviewed payload as the core gets it, if it is complete. */
function mainDocumentOf(payload: unknown): TMainDocument | null {
  const main = mainDocument(payload);
  if (!main?.type || !main.number || !main.country) return null;
  return { document_type_code: main.type, document_number: main.number, issuing_country_code: main.country };
}

/**
 * related_client_info[] as the core gets it (in clear). Each related client must be real
 * (related-client.ts): a wisenroll code names an enrollment of this console, whose core customer
 * number and main document are filled in from there; a customer number no enrollment has goes
 * only when the officer confirmed that the core knows it.
 */
async function relatedClientInfo(tx: Prisma.TransactionClient, enrollmentId: string, related: TRelatedClientInput[], path: string) {
  const errors: { path: string; message: string }[] = [];
  const out: Prisma.InputJsonObject[] = [];
  const unknownConfirmed: number[] = [];
  const matches = await resolveRelatedClients(tx, {
    enrollmentId,
    // the push itself reads the related enrollment, whatever its branch; nothing of it is shown
    scope: { kind: "all" },
    clients: related.map((r) => ({ customerNumber: r.customerNumber === null ? null : String(r.customerNumber), relatedWisenrollCode: r.relatedWisenrollCode })),
  });
  for (const [index, r] of related.entries()) {
    const match = matches[index]!;
    // a holder nobody can identify must never reach the core
    const problem = relatedClientProblem(match, r.confirmUnknownCustomer === true);
    if (problem) {
      errors.push({ path: `${path}.related.${index}.${problem.field}`, message: problem.message });
      continue;
    }
    if (match.kind === "unknown_customer") unknownConfirmed.push(Number(match.customerNumber));
    let customerNumber = r.customerNumber;
    let mainDocument: TMainDocument | null = r.mainDocument
      ? { document_type_code: r.mainDocument.documentTypeCode, document_number: r.mainDocument.documentNumber, issuing_country_code: r.mainDocument.issuingCountryCode }
      : null;
    if (r.relatedWisenrollCode && match.kind === "enrollment") {
      const other = await tx.enrollment.findUniqueOrThrow({ where: { id: match.enrollment.id }, select: { id: true, customerNumber: true, payload: true } });
      customerNumber ??= other.customerNumber === null ? null : Number(other.customerNumber);
      mainDocument ??= mainDocumentOf(openIdentities(other.payload, piiOwner.enrollment(other.id)));
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
  return { errors, out, unknownConfirmed };
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

    // A refused push leaves one audit event saying why, and nothing else.
    const refuse = (reason: string) =>
      tx.auditEvent.create({
        data: {
          actorId: options.actor.id,
          actorLabel: options.actor.label,
          action: "enrollment.push_refused",
          targetType: "enrollment",
          targetId: options.enrollmentId,
          details: { reason, version: enrollment.version },
          ip: options.ip ?? null,
        },
      });

    const fourEyes = await readSwitch(tx, "fourEyes");
    if (fourEyes.on && enrollment.lastEditedById !== null && enrollment.lastEditedById === options.actor.id) {
      await refuse("four_eyes");
      // The editor asked: the officers who may make the push hear that it waits for them.
      if (options.actor.id) await notifyFourEyes(tx, { enrollmentId: options.enrollmentId, version: enrollment.version, requesterId: options.actor.id });
      return { kind: "four_eyes" };
    }

    // One document under another person's name or birth date never reaches the core undecided.
    const match = await readIdentityMatch(tx, options.enrollmentId, ALL_BRANCHES);
    const block = match ? identityBlock(match) : null;
    if (block) {
      await refuse(block);
      return { kind: block };
    }

    const codes = new Set(
      (await tx.productCode.findMany({ where: { active: true, code: { in: options.products.map((p) => p.productCode) } }, select: { code: true } })).map((p) => p.code),
    );
    const errors: { path: string; message: string }[] = [];
    const products: Prisma.ProductRequestCreateManyInput[] = [];
    const { keyring } = piiKeys();
    const existing = await tx.productRequest.count({ where: { enrollmentId: options.enrollmentId } });
    const unknownCustomersConfirmed: number[] = [];
    for (const [index, product] of options.products.entries()) {
      if (!codes.has(product.productCode)) errors.push({ path: `products.${index}.productCode`, message: `${product.productCode} is not an active product code` });
      const related = await relatedClientInfo(tx, options.enrollmentId, product.related, `products.${index}`);
      errors.push(...related.errors);
      unknownCustomersConfirmed.push(...related.unknownConfirmed);
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
        details: {
          pushSeq,
          version: enrollment.version,
          products: options.products.map((p) => p.productCode),
          fourEyes: fourEyes.on,
          // an update of the customer the identity already has in the core, or a create
          ...(match?.customer ? { customerNumber: match.customer.number } : {}),
          // related clients the officer vouched for: the core knows them, this console does not
          ...(unknownCustomersConfirmed.length > 0 ? { unknownCustomersConfirmed } : {}),
        },
        ip: options.ip ?? null,
      },
    });
    await enqueuePush(tx, options.enrollmentId);
    return { kind: "queued", pushSeq };
  });
}
