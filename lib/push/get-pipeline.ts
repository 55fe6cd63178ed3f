// What the detail page shows of the push pipeline: the enrollment's push state, each product,
// and every attempt with its exact request and response (credentials are never stored). Stored
// sealed; opened here for the officer, who sees exactly what the core got and answered. Reasons
// go out as codes with their parameters: the page renders them in the reader's language.
import "server-only";
import { piiKeys, piiOwner } from "@/lib/crypto/pii";
import type { TDb } from "@/lib/db/types";
import { openIdentities, openJson, openReason, openText } from "@/lib/pii/identities";
import type { TAmlSubmissionState } from "@/lib/aml/live";
import type { TAccountNumberFormat } from "@/lib/product-codes/account-number-format";
import { accountNumberFormats } from "./account-number-formats";
import type { TReason } from "@/lib/reasons/reason";
import { displayNames } from "@/lib/users/display-names";

export type TPipelineAttempt = {
  id: string;
  step: "core_customer" | "core_product" | "amlyze_simplified_customer";
  callKey: string;
  attempt: number;
  outcome: "pending" | "success" | "rejected" | "unknown" | "not_sent";
  httpStatus: number | null;
  durationMs: number | null;
  error: TReason | null;
  url: string;
  requestBody: string;
  responseBody: string | null;
  startedAt: string;
  finishedAt: string | null;
  productRequestId: string | null;
};

export type TPipelineAccount = { action: "CREATE" | "ERROR"; accountProduct: string; accountNumber: string | null; message: string | null };

export type TPipelineProduct = {
  id: string;
  productCode: string;
  productName: string;
  openDate: string;
  relatedClientInfo: unknown[];
  status: "queued" | "sending" | "opened" | "partial" | "refused" | "needs_reconciliation" | "not_created";
  accounts: TPipelineAccount[];
  message: TReason | null;
  sentInPush: number | null;
  resolution: string | null;
  resolvedAccountNumber: string | null;
  resolutionNote: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
  createdAt: string;
  /** What an account number of this product looks like, for the reconciliation form; null unless it waits for one. */
  accountNumberFormat: TAccountNumberFormat | null;
};

export type TPipeline = {
  enrollmentId: string;
  /** The customer's name, as the reconciliation's summary names them. */
  fullName: string;
  status: string;
  version: number;
  pushSeq: number;
  customerNumber: string | null;
  pushError: TReason | null;
  pushRequestedBy: string | null;
  pushRequestedAt: string | null;
  pushFinishedAt: string | null;
  products: TPipelineProduct[];
  /** Newest first. */
  attempts: TPipelineAttempt[];
  /** Each AML submission's status and attempts, newest first (what the page's AML block shows). */
  amlSubmissions: TAmlSubmissionState[];
};

const accountsOf = (value: unknown) => (Array.isArray(value) ? value : []) as TPipelineAccount[];

export async function getPipeline(db: TDb, enrollmentId: string): Promise<TPipeline | null> {
  const enrollment = await db.enrollment.findUnique({
    where: { id: enrollmentId },
    select: {
      fullName: true,
      status: true,
      version: true,
      pushSeq: true,
      customerNumber: true,
      pushError: true,
      pushRequestedById: true,
      pushRequestedAt: true,
      pushFinishedAt: true,
    },
  });
  if (!enrollment) return null;
  const [products, calls, amlSubmissions] = await Promise.all([
    db.productRequest.findMany({
      where: { enrollmentId },
      orderBy: { position: "asc" },
      include: { product: { select: { name: true } } },
    }),
    db.outboundCall.findMany({ where: { enrollmentId }, orderBy: [{ startedAt: "desc" }, { attempt: "desc" }], take: 200 }),
    // as lib/aml/get-enrollment-aml.ts reads them for the block
    db.amlSubmission.findMany({ where: { enrollmentId }, orderBy: { createdAt: "desc" }, take: 10, select: { id: true, status: true, attempts: true } }),
  ]);
  const waiting = products.filter((p) => p.status === "needs_reconciliation").map((p) => p.productCode);
  const formats = waiting.length > 0 ? await accountNumberFormats(db, waiting) : new Map<string, TAccountNumberFormat>();
  const userIds = [enrollment.pushRequestedById, ...products.map((p) => p.resolvedById)].filter((id): id is string => id !== null);
  const users = await displayNames(db, userIds);
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  const { keyring } = piiKeys();
  const [owner, bodyOwner] = [piiOwner.enrollment(enrollmentId), piiOwner.enrollmentBody(enrollmentId)];
  return {
    enrollmentId,
    fullName: enrollment.fullName,
    status: enrollment.status,
    version: enrollment.version,
    pushSeq: enrollment.pushSeq,
    customerNumber: enrollment.customerNumber === null ? null : enrollment.customerNumber.toString(),
    pushError: openReason(enrollment.pushError, bodyOwner, keyring),
    pushRequestedBy: enrollment.pushRequestedById ? (users.get(enrollment.pushRequestedById) ?? null) : null,
    pushRequestedAt: iso(enrollment.pushRequestedAt),
    pushFinishedAt: iso(enrollment.pushFinishedAt),
    products: products.map((p) => ({
      id: p.id,
      productCode: p.productCode,
      productName: p.product.name,
      openDate: p.openDate.toISOString().slice(0, 10),
      relatedClientInfo: Array.isArray(p.relatedClientInfo) ? openIdentities(p.relatedClientInfo, owner, keyring) : [],
      status: p.status,
      accounts: accountsOf(openJson(p.accounts, bodyOwner, keyring)),
      message: openReason(p.message, bodyOwner, keyring),
      sentInPush: p.sentInPush,
      resolution: p.resolution,
      resolvedAccountNumber: p.resolvedAccountNumber,
      resolutionNote: p.resolutionNote,
      resolvedBy: p.resolvedById ? (users.get(p.resolvedById) ?? null) : null,
      resolvedAt: iso(p.resolvedAt),
      createdAt: p.createdAt.toISOString(),
      accountNumberFormat: p.status === "needs_reconciliation" ? (formats.get(p.productCode) ?? null) : null,
    })),
    attempts: calls.map((c) => ({
      id: c.id,
      step: c.step,
      callKey: c.callKey,
      attempt: c.attempt,
      outcome: c.outcome,
      httpStatus: c.httpStatus,
      durationMs: c.durationMs,
      error: openReason(c.error, bodyOwner, keyring),
      url: c.url,
      requestBody: openText(c.requestBody, bodyOwner, keyring),
      responseBody: openText(c.responseBody, bodyOwner, keyring),
      startedAt: c.startedAt.toISOString(),
      finishedAt: iso(c.finishedAt),
      productRequestId: c.productRequestId,
    })),
    amlSubmissions,
  };
}
