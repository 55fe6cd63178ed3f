import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { piiOwner } from "@/lib/crypto/pii";
import { maskLastFour } from "@/lib/intake/extract-columns";
import { openIdentities, openJson, openReason } from "@/lib/pii/identities";
import type { TReason } from "@/lib/reasons/reason";
import { identityValues, indexedNumber, knownNumbers, maskDocumentNumbers, maskNumbersIn, maskReason } from "./mask";
import { resultsFromRow, type TAmlResults, type TAmlState, type TAmlSubmissionStatus } from "./view";

export type TAmlSubmissionSummary = {
  id: string;
  enrollmentId: string;
  pushSeq: number;
  communicationNumber: string;
  status: TAmlSubmissionStatus;
  attempts: number;
  message: TReason | null;
  /** AMLYZE's reasons, verbatim. */
  errors: Array<{ code?: string; message: string }>;
  nextAttemptAt: Date | null;
  createdAt: Date;
  finishedAt: Date | null;
};

/** What the compliance customer page shows: the AML view, the submissions, the enrollment masked. */
export type TAmlCustomerDetail = {
  customerExtId: string;
  state: TAmlState;
  riskLevel: string | null;
  decisionType: string | null;
  decisionGroundCode: string | null;
  hasHit: boolean;
  eventCount: number;
  unknownEventCount: number;
  lastEventAt: Date | null;
  results: TAmlResults;
  submissions: TAmlSubmissionSummary[];
  enrollment: {
    id: string;
    fullName: string;
    wisenrollCode: string | null;
    status: string;
    branchName: string | null;
    mainDocType: string | null;
    mainDocMasked: string;
    receivedAt: Date;
    /** The reviewed payload with every document number masked. */
    payload: Record<string, unknown>;
    documentCount: number;
  } | null;
};

export const submissionSelect = {
  id: true,
  enrollmentId: true,
  pushSeq: true,
  communicationNumber: true,
  status: true,
  attempts: true,
  message: true,
  errors: true,
  nextAttemptAt: true,
  createdAt: true,
  finishedAt: true,
} as const;

/** A submission row with what is stored sealed (its reason, AMLYZE's errors) opened. */
export function toSubmissionSummary<T extends { enrollmentId: string; message: string | null; errors: unknown }>(
  row: T,
): Omit<T, "errors" | "message"> & { message: TReason | null; errors: Array<{ code?: string; message: string }> } {
  const owner = piiOwner.enrollmentBody(row.enrollmentId);
  const errors = openJson(row.errors, owner);
  return { ...row, message: openReason(row.message, owner), errors: Array.isArray(errors) ? (errors as Array<{ code?: string; message: string }>) : [] };
}

export async function getAmlCustomer(db: PrismaClient, customerExtId: string): Promise<TAmlCustomerDetail | null> {
  if (customerExtId.length > 64) return null;
  const view = await db.amlCustomer.findUnique({ where: { customerExtId } });
  if (!view) return null;
  const [submissions, enrollment] = await Promise.all([
    db.amlSubmission.findMany({ where: { customerExtId }, orderBy: { createdAt: "desc" }, take: 50, select: submissionSelect }),
    view.enrollmentId
      ? db.enrollment.findUnique({
          where: { id: view.enrollmentId },
          select: {
            id: true,
            fullName: true,
            wisenrollCode: true,
            status: true,
            branchName: true,
            mainDocType: true,
            mainDocLast4: true,
            mainDocIndex: true,
            receivedAt: true,
            payload: true,
            receivedPayload: true,
          },
        })
      : null,
  ]);
  // Opened only to be masked: the full numbers come from the audited reveal.
  const payload = (enrollment ? openIdentities(enrollment.payload, piiOwner.enrollment(enrollment.id)) : {}) as Record<string, unknown>;
  // AMLYZE's words may carry a number back (its nationalCode): masked there too, like everywhere here.
  const known = knownNumbers(identityValues([payload, enrollment ? openIdentities(enrollment.receivedPayload, piiOwner.enrollment(enrollment.id)) : null]));
  const indexed = indexedNumber(enrollment?.mainDocIndex ?? null);
  const isIdentity = (word: string) => known(word) || indexed(word);
  return {
    customerExtId,
    state: view.state,
    riskLevel: view.riskLevel,
    decisionType: view.decisionType,
    decisionGroundCode: view.decisionGroundCode,
    hasHit: view.hasHit,
    eventCount: view.eventCount,
    unknownEventCount: view.unknownEventCount,
    lastEventAt: view.lastEventAt,
    results: resultsFromRow(view),
    submissions: submissions.map(toSubmissionSummary).map((s) => ({
      ...s,
      message: maskReason(s.message, isIdentity),
      errors: s.errors.map((e) => ({ ...e, message: maskNumbersIn(e.message, isIdentity), ...(e.code === undefined ? {} : { code: maskNumbersIn(e.code, isIdentity) }) })),
    })),
    enrollment: enrollment
      ? {
          id: enrollment.id,
          fullName: enrollment.fullName,
          wisenrollCode: enrollment.wisenrollCode,
          status: enrollment.status,
          branchName: enrollment.branchName,
          mainDocType: enrollment.mainDocType,
          mainDocMasked: maskLastFour(enrollment.mainDocLast4),
          receivedAt: enrollment.receivedAt,
          payload: maskDocumentNumbers(payload) as Record<string, unknown>,
          documentCount: Array.isArray(payload.client_documents) ? payload.client_documents.length : 0,
        }
      : null,
  };
}
