import { describe, expect, it, vi } from "vitest";
import type { TPipeline } from "./get-pipeline";

vi.mock("server-only", () => ({}));
const { maskPipeline } = await import("./mask-pipeline");

const NUMBER = "111110001";
const RELATED = "M1112333999";

const pipeline: TPipeline = {
  enrollmentId: "0190e8d2-0000-7000-8000-000000000001",
  fullName: "LUIS ALEJANDRO MATOS",
  status: "failed",
  version: 3,
  pushSeq: 1,
  customerNumber: null,
  pushError: { code: "text", text: `core says ${NUMBER} exists` },
  pushRequestedBy: "Olga",
  pushRequestedAt: null,
  pushFinishedAt: null,
  products: [
    {
      id: "p1",
      productCode: "CC01",
      productName: "Card",
      openDate: "2026-11-21",
      relatedClientInfo: [{ main_document: { document_number: RELATED } }],
      status: "partial",
      accounts: [{ action: "ERROR", accountProduct: "CC01-2", accountNumber: null, message: `holder ${RELATED} unknown` }],
      message: null,
      sentInPush: 1,
      resolution: null,
      resolvedAccountNumber: null,
      resolutionNote: null,
      resolvedBy: null,
      resolvedAt: null,
      createdAt: "2026-11-21T00:00:00.000Z",
      accountNumberFormat: null,
    },
  ],
  amlSubmissions: [],
  attempts: [
    {
      id: "a1",
      step: "core_customer",
      callKey: "k",
      attempt: 1,
      outcome: "rejected",
      httpStatus: 400,
      durationMs: 10,
      error: null,
      url: "http://core/core_customer",
      requestBody: JSON.stringify({ client_documents: [{ document_number: NUMBER }] }),
      responseBody: `{"message":"document ${NUMBER} is taken"}`,
      startedAt: "2026-11-21T00:00:00.000Z",
      finishedAt: null,
      productRequestId: null,
    },
  ],
};

describe("maskPipeline", () => {
  it("masks every document number: bodies, related clients, and the core's words that echo one", () => {
    const text = JSON.stringify(maskPipeline(pipeline));
    expect(text).not.toContain(NUMBER);
    expect(text).not.toContain(RELATED);
    expect(text).toContain("0001");
    expect(text).toContain("core_customer");
  });
});
