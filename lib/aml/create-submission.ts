// Records one AML submission for a core customer that was just created or updated, inside the
// transaction that records the core's success, and enqueues the job that sends it. The body is
// built here, once, from the payload the core received: every attempt then sends the same bytes.
import { piiOwner } from "@/lib/crypto/pii";
import type { Prisma } from "@/lib/generated/prisma/client";
import { buildSimplifiedCustomer, generateCommunicationNumber } from "@/lib/integrations/amlyze/build-request";
import { IntegrationError } from "@/lib/integrations/http/errors";
import { sealReason, sealText } from "@/lib/pii/identities";
import type { TReason } from "@/lib/reasons/reason";
import { lockAmlCustomer, prismaRunner, saveAmlCustomer } from "./customer-store";
import { enqueueAmlSubmit } from "./jobs";
import type { TAmlMessageSettings } from "./settings";

export type TCreateAmlSubmissionInput = {
  enrollmentId: string;
  pushSeq: number;
  customerNumber: number;
  /** The core_customer body that was just accepted: the names AMLYZE gets are the core's. */
  coreBody: unknown;
  settings: TAmlMessageSettings;
  triggeredById: string | null;
};

export const AML_ACTOR_LABEL = "system:aml-worker";

export async function createAmlSubmission(tx: Prisma.TransactionClient, input: TCreateAmlSubmissionInput): Promise<{ id: string; status: "queued" | "failed" }> {
  const communicationNumber = generateCommunicationNumber();
  const customerExtId = String(input.customerNumber);
  let requestBody = "";
  let failure: TReason | null = null;
  try {
    requestBody = JSON.stringify(buildSimplifiedCustomer(input.coreBody, { ...input.settings, customerNumber: input.customerNumber, communicationNumber }));
  } catch (error) {
    // The enrollment cannot be expressed as a simplified-customer: nothing to send, say why.
    if (!(error instanceof IntegrationError)) throw error;
    failure = { code: "request.invalid", detail: error.message };
  }
  const status = failure ? "failed" : "queued";
  const submission = await tx.amlSubmission.create({
    data: {
      enrollmentId: input.enrollmentId,
      pushSeq: input.pushSeq,
      communicationNumber,
      customerExtId,
      // nationalCode may be in it: stored sealed, opened by the job that sends it.
      requestBody: sealText(requestBody, piiOwner.enrollmentBody(input.enrollmentId)),
      status,
      message: sealReason(failure, piiOwner.enrollmentBody(input.enrollmentId)),
      triggeredById: input.triggeredById,
      finishedAt: failure ? new Date() : null,
    },
    select: { id: true, createdAt: true },
  });

  const run = prismaRunner(tx);
  const view = await lockAmlCustomer(run, customerExtId);
  await saveAmlCustomer(run, {
    ...view,
    enrollmentId: input.enrollmentId,
    submissionId: submission.id,
    submissionStatus: status,
    communicationNumber,
    submittedAt: submission.createdAt,
    submissionMessage: failure,
  });
  // Results AMLYZE sent before we knew this customer now belong to this enrollment.
  await tx.$executeRaw`UPDATE aml_events SET enrollment_id = ${input.enrollmentId}::uuid WHERE customer_ext_id = ${customerExtId} AND enrollment_id IS NULL`;
  await tx.auditEvent.create({
    data: {
      actorId: null,
      actorLabel: AML_ACTOR_LABEL,
      action: failure ? "aml.submission_failed" : "aml.submission_queued",
      targetType: "enrollment",
      targetId: input.enrollmentId,
      details: { submissionId: submission.id, pushSeq: input.pushSeq, customerExtId },
    },
  });
  if (!failure) await enqueueAmlSubmit(tx, input.enrollmentId);
  return { id: submission.id, status };
}
