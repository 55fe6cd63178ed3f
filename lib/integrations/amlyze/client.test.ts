import { afterEach, describe, expect, it } from "vitest";
import { AMLYZE_MALFORMED_500_BODY, createAmlyzeSandbox, type TAmlyzeFault, type TAmlyzeSandbox } from "@/sandbox/amlyze-server";
import type { TAuth } from "../http/base-client";
import { IntegrationError } from "../http/errors";
import { AMLYZE_TOKEN, captureLogs, closedPortUrl, startRawReceiver } from "../test-helpers";
import { CircuitOpenError, createCircuitBreaker } from "./circuit-breaker";
import { createAmlyzeClient, type TAmlyzeClientOptions } from "./client";
import type { TSimplifiedCustomerRequest } from "./schemas";
import { readable } from "@/tests/reason-text";

const BODY: TSimplifiedCustomerRequest = {
  communicationNumber: "EC-test-0001",
  requester: "financial_institution",
  riskManagementCategory: "FAST",
  entityType: "INDIVIDUAL",
  customerExtId: "100001",
  firstName: "LUIS ALEJANDRO",
  lastName: "MARTINEZ",
  customerStatus: "ACTIVE",
};
const BEARER: TAuth = { kind: "bearer", token: AMLYZE_TOKEN };

let sandbox: TAmlyzeSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function start(fault?: TAmlyzeFault, client: Partial<TAmlyzeClientOptions> = {}, path?: string) {
  sandbox = createAmlyzeSandbox({ token: AMLYZE_TOKEN, fault, path });
  const baseUrl = await sandbox.listen(0);
  const logs = captureLogs();
  const amlyze = createAmlyzeClient({ baseUrl, auth: BEARER, timeoutMs: 300, logger: logs.logger, ...client });
  return { sb: sandbox, baseUrl, amlyze, logs };
}

describe("AMLYZE simplified-customer against the sandbox", () => {
  it("accepted; the sandbox received exactly the body sent", async () => {
    const { sb, amlyze, baseUrl } = await start();
    const { exchange, result } = await amlyze.submitCustomer(BODY);
    expect(result).toEqual({ kind: "accepted" });
    expect(exchange.url).toBe(`${baseUrl}/amlyze-ws-rest/simplified-customer`);
    expect(exchange.requestBody).toBe(JSON.stringify(BODY));
    expect(sb.submissions().map((s) => [s.communicationNumber, JSON.stringify(s.body), s.status])).toEqual([["EC-test-0001", exchange.requestBody, 200]]);
  });

  it("uses a configured path (the reference's simplifiedCustomer)", async () => {
    const { amlyze } = await start(undefined, { path: "/amlyze-ws-rest/simplifiedCustomer" }, "/amlyze-ws-rest/simplifiedCustomer");
    expect((await amlyze.submitCustomer(BODY)).result).toEqual({ kind: "accepted" });
  });

  it("errorCode form: unknown riskManagementCategory → rejected C007, raw kept", async () => {
    const { amlyze } = await start();
    const { result } = await amlyze.submitCustomer({ ...BODY, riskManagementCategory: "SLOW" });
    const raw = '{"errorCode":"C007","errorDescription":"riskManagementCategory SLOW does not exist"}';
    expect(result).toEqual({ kind: "rejected", status: 400, errors: [{ code: "C007", message: "riskManagementCategory SLOW does not exist" }], raw });
  });

  it("the seed's errors[] form, byte for byte from a receiver", async () => {
    const raw = '{\n    "errors": ["CommunicationNumber is mandatory"]\n}';
    const r = await startRawReceiver(400, raw);
    try {
      const amlyze = createAmlyzeClient({ baseUrl: r.url, auth: BEARER, timeoutMs: 1_000, logger: captureLogs().logger });
      expect((await amlyze.submitCustomer(BODY)).result).toEqual({ kind: "rejected", status: 400, errors: [{ message: "CommunicationNumber is mandatory" }], raw });
      expect(r.received[0]?.headers.authorization).toBe(`Bearer ${AMLYZE_TOKEN}`);
    } finally {
      await r.close();
    }
  });

  it("404 REQUEST_REJECTED form → rejected", async () => {
    const { amlyze } = await start({ kind: "status404" });
    expect((await amlyze.submitCustomer(BODY)).result).toEqual({
      kind: "rejected",
      status: 404,
      errors: [{ message: "Not Found" }],
      raw: '{"resultType":"REQUEST_REJECTED","status":404,"error":"Not Found"}',
    });
  });

  it("the seed's malformed 500 is a failure with its raw text kept, not a crash", async () => {
    const { amlyze } = await start({ kind: "malformed500" });
    const { exchange, result } = await amlyze.submitCustomer(BODY);
    expect(readable(result)).toEqual({ kind: "retryable", reason: "HTTP 500: body is not valid JSON" });
    expect(exchange.outcome).toEqual({ kind: "response", status: 500, rawBody: AMLYZE_MALFORMED_500_BODY, json: undefined });
  });

  it.each([
    [{ kind: "status500" }, "HTTP 500: Internal Server Error"],
    [{ kind: "timeout" }, "no answer: timeout after 300 ms"],
    [{ kind: "reset" }, "no answer: connection reset (ECONNRESET)"],
    [{ kind: "garbage" }, "HTTP 200 without REQUEST_ACCEPTED (body is not JSON)"],
    [{ kind: "status500", afterProcessing: true }, "HTTP 500: Internal Server Error"],
    [{ kind: "timeout", afterProcessing: true }, "no answer: timeout after 300 ms"],
  ] as const)("fault %j → retryable (%s)", async (fault, reason) => {
    const { amlyze } = await start(fault);
    expect(readable((await amlyze.submitCustomer(BODY)).result)).toEqual({ kind: "retryable", reason });
  });

  it("a resend of the same body after a lost answer is accepted under the same communicationNumber", async () => {
    const { sb, amlyze } = await start({ kind: "reset", afterProcessing: true, times: 1 });
    expect((await amlyze.submitCustomer(BODY)).result.kind).toBe("retryable");
    expect((await amlyze.submitCustomer(BODY)).result).toEqual({ kind: "accepted" });
    expect(sb.submissions().map((s) => s.communicationNumber)).toEqual(["EC-test-0001", "EC-test-0001"]);
  });

  it("connection refused → retryable, not sent", async () => {
    const amlyze = createAmlyzeClient({ baseUrl: await closedPortUrl(), auth: BEARER, timeoutMs: 300, logger: captureLogs().logger });
    expect(readable((await amlyze.submitCustomer(BODY)).result)).toEqual({ kind: "retryable", reason: "not sent: connection refused (ECONNREFUSED)" });
  });

  it("wrong or missing credentials → rejected 401", async () => {
    for (const auth of [{ kind: "bearer", token: "wrong" }, { kind: "none" }, { kind: "basic", username: "u", password: "p" }] as const) {
      const { amlyze } = await start(undefined, { auth });
      expect((await amlyze.submitCustomer(BODY)).result).toMatchObject({ kind: "rejected", status: 401, errors: [{ message: "Unauthorized" }] });
      await sandbox?.close();
    }
  });

  it("refuses an invalid body before sending", async () => {
    const { sb, amlyze } = await start();
    const invalid: unknown[] = [
      { ...BODY, communicationNumber: "x".repeat(256) },
      { ...BODY, requester: "r".repeat(101) },
      { ...BODY, customerStatus: "OPEN" },
      { ...BODY, firstName: "  " },
      { ...BODY, nationality: "US" },
    ];
    for (const body of invalid) await expect(amlyze.submitCustomer(body as TSimplifiedCustomerRequest)).rejects.toBeInstanceOf(IntegrationError);
    expect(await amlyze.submitCustomer({ ...BODY, communicationNumber: "x".repeat(255), requester: "r".repeat(100) })).toMatchObject({ result: { kind: "accepted" } });
    expect(sb.submissions()).toHaveLength(1);
  });

  it("never logs the token or the names", async () => {
    const { amlyze, logs } = await start();
    await amlyze.submitCustomer(BODY);
    expect(logs.lines).toHaveLength(1);
    expect(logs.text()).toContain('"service":"amlyze_simplified_customer"');
    for (const leak of [AMLYZE_TOKEN, "LUIS", "MARTINEZ", "EC-test-0001"]) expect(logs.text()).not.toContain(leak);
  });
});

describe("circuit breaker around AMLYZE", () => {
  it("opens after consecutive 500s and then fails fast without calling AMLYZE", async () => {
    const { sb, amlyze } = await start({ kind: "status500" });
    let clock = 0;
    const breaker = createCircuitBreaker({ name: "amlyze", failureThreshold: 2, windowMs: 60_000, cooldownMs: 30_000, now: () => clock });
    const call = () => breaker.execute(() => amlyze.submitCustomer(BODY), (c) => c.result.kind === "retryable");
    await call();
    await call();
    expect(breaker.state()).toBe("open");
    await expect(call()).rejects.toBeInstanceOf(CircuitOpenError);
    expect(sb.submissions()).toHaveLength(2);
    sb.setFault(undefined);
    clock = 30_000;
    expect((await call()).result).toEqual({ kind: "accepted" });
    expect(breaker.state()).toBe("closed");
  });
});
