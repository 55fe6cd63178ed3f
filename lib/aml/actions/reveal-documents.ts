"use server";

import { clientIp } from "@/lib/actions/client-ip";
import { ActionError, authedAction } from "@/lib/actions/safe-action";
import { recordAudit } from "@/lib/audit/record-audit";
import { piiOwner } from "@/lib/crypto/pii";
import { prisma } from "@/lib/db/client";
import { ZRevealDocumentsInput, type TRevealedDocument } from "@/lib/aml/reveal-input";
import { documentsOf } from "@/lib/enrollment/identity";
import { openIdentities } from "@/lib/pii/identities";

/** The full document numbers of one enrollment, for compliance, each reveal in the audit log. */
export const revealDocuments = authedAction
  .metadata({ name: "revealDocuments", permission: "pii:reveal" })
  .inputSchema(ZRevealDocumentsInput)
  .action(async ({ parsedInput, ctx }): Promise<TRevealedDocument[]> => {
    const enrollment = await prisma.enrollment.findUnique({ where: { id: parsedInput.enrollmentId }, select: { payload: true } });
    if (!enrollment) throw new ActionError("This enrollment does not exist.");
    const payload = openIdentities(enrollment.payload, piiOwner.enrollment(parsedInput.enrollmentId));
    const revealed: TRevealedDocument[] = documentsOf(payload).flatMap((doc) => (doc.number ? [{ index: doc.index, type: doc.type, number: doc.number, country: doc.country, main: doc.main }] : []));
    // Before the numbers leave: if the audit cannot be written, nothing is revealed.
    await recordAudit(prisma, {
      actor: { id: ctx.user.id, label: ctx.user.username },
      action: "pii.documents_revealed",
      targetType: "enrollment",
      targetId: parsedInput.enrollmentId,
      details: { documents: revealed.length },
      ip: await clientIp(),
    });
    return revealed;
  });
