import { describe, expect, it } from "vitest";
import type { TPipeline, TPipelineAttempt } from "./get-pipeline";
import { callNumber, customerStep, pollInterval, productAttempts, readableBody } from "./pipeline-steps";

const ID = "0196a000-0000-7000-8000-000000000001";

function attempt(overrides: Partial<TPipelineAttempt>): TPipelineAttempt {
  return {
    id: crypto.randomUUID(),
    step: "core_customer",
    callKey: `core_customer:${ID}:1`,
    attempt: 1,
    outcome: "success",
    httpStatus: 201,
    durationMs: 12,
    error: null,
    url: "http://core/core_customer",
    requestBody: "{}",
    responseBody: '{"customer_number":100001}',
    startedAt: "2026-11-21T10:00:00.000Z",
    finishedAt: "2026-11-21T10:00:00.012Z",
    productRequestId: null,
    ...overrides,
  };
}

function pipeline(overrides: Partial<TPipeline>): TPipeline {
  return {
    enrollmentId: ID,
    fullName: "LUIS ALEJANDRO MATOS",
    amlSubmissions: [],
    status: "pushing",
    version: 1,
    pushSeq: 1,
    customerNumber: null,
    pushError: null,
    pushRequestedBy: "Olga Officer",
    pushRequestedAt: "2026-11-21T10:00:00.000Z",
    pushFinishedAt: null,
    products: [],
    attempts: [],
    ...overrides,
  };
}

describe("pipeline steps", () => {
  it("derives the customer step from the current push's newest attempt", () => {
    expect(customerStep(pipeline({ pushSeq: 0, status: "ready" })).state).toBe("not_started");
    expect(customerStep(pipeline({})).state).toBe("waiting");
    expect(customerStep(pipeline({ attempts: [attempt({ outcome: "pending" })] })).state).toBe("sending");
    expect(customerStep(pipeline({ attempts: [attempt({ outcome: "unknown", attempt: 2 }), attempt({ outcome: "unknown" })] })).state).toBe("retrying");
    expect(customerStep(pipeline({ status: "failed", attempts: [attempt({ outcome: "unknown" })] })).state).toBe("failed");
    expect(customerStep(pipeline({ status: "in_review", attempts: [attempt({ outcome: "rejected", httpStatus: 400 })] })).state).toBe("rejected");
    expect(customerStep(pipeline({ status: "pushed", attempts: [attempt({})] })).state).toBe("done");
    // push 2 has not reached core_customer yet: push 1's success says nothing about it
    expect(customerStep(pipeline({ pushSeq: 2, attempts: [attempt({})] }))).toMatchObject({ state: "waiting", attempts: [{ outcome: "success" }] });
  });

  it("groups product attempts and numbers pushes and sends", () => {
    const product = attempt({ step: "core_product", callKey: "core_product:p1:1", productRequestId: "p1" });
    const p = pipeline({ attempts: [product, attempt({})] });
    expect(productAttempts(p, "p1")).toEqual([product]);
    expect(callNumber(product)).toBe(2);
    expect(callNumber(attempt({ callKey: `core_customer:${ID}:3` }))).toBe(3);
  });

  it("pretty-prints JSON bodies and keeps anything else exactly", () => {
    expect(readableBody('{"a":1}')).toEqual({ text: '{\n  "a": 1\n}', json: true });
    expect(readableBody("<html>OK</html>")).toEqual({ text: "<html>OK</html>", json: false });
  });

  it("polls every second while pushing", () => {
    expect(pollInterval({ status: "pushing", amlSubmissions: [] })).toBe(1_000);
    expect(pollInterval({ status: "pushed", amlSubmissions: [] })).toBe(15_000);
    // the AML block follows a submission on its way to AMLYZE
    expect(pollInterval({ status: "pushed", amlSubmissions: [{ id: "s1", status: "sending", attempts: 1 }] })).toBe(2_000);
    expect(pollInterval({ status: "pushed", amlSubmissions: [{ id: "s1", status: "accepted", attempts: 1 }] })).toBe(15_000);
  });
});
