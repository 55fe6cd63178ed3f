"use server";

import { clientIp } from "@/lib/actions/client-ip";
import { ActionError, authedAction } from "@/lib/actions/safe-action";
import { recordAudit } from "@/lib/audit/record-audit";
import { piiOwner } from "@/lib/crypto/pii";
import { prisma } from "@/lib/db/client";
import { ZRevealDocumentsInput, type TRevealedDocument } from "@/lib/aml/reveal-input";
import { openIdentities } from "@/lib/pii/identities";

const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value : typeof value === "number" ? String(value) : null);

/** The full document numbers of one enrollment, for compliance, each reveal in the audit log. */
export const revealDocuments = authedAction
  .metadata({ name: "revealDocuments", permission: "pii:reveal" })
  .inputSchema(ZRevealDocumentsInput)
  .action(async ({ parsedInput, ctx }): Promise<TRevealedDocument[]> => {
    const enrollment = await prisma.enrollment.findUnique({ where: { id: parsedInput.enrollmentId }, select: { payload: true } });
    if (!enrollment) throw new ActionError("This enrollment does not exist.");
    const payload = openIdentities(enrollment.payload, piiOwner.enrollment(parsedInput.enrollmentId));
    const documents = (payload as { client_documents?: unknown } | null)?.client_documents;
    const revealed: TRevealedDocument[] = (Array.isArray(documents) ? documents : []).flatMap((doc: Record<string, unknown> | null, index) => {
      const number = text(doc?.document_number);
      if (!number) return [];
      return [{ index, type: text(doc?.document_type_code), number, country: text(doc?.issuing_country_code ?? doc?.document_issuing_country_code), main: doc?.main === 1 }];
    });
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
