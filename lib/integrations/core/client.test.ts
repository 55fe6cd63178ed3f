import { afterEach, describe, expect, it } from "vitest";
import { createCoreSandbox, type TCoreFaults, type TCoreSandbox } from "@/sandbox/core-server";
import { IntegrationError } from "../http/errors";
import { captureLogs, closedPortUrl, CORE_PASS, CORE_USER, readFixture, startRawReceiver } from "../test-helpers";
import { createCoreClient, type TCoreClientOptions } from "./client";
import type { TCoreCustomerPayload } from "./schemas";
import { readable } from "@/tests/reason-text";

let sandbox: TCoreSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function start(faults?: TCoreFaults, client: Partial<TCoreClientOptions> = {}) {
  sandbox = createCoreSandbox({ username: CORE_USER, password: CORE_PASS, faults });
  const url = await sandbox.listen(0);
  const logs = captureLogs();
  const core = createCoreClient({ baseUrl: url, username: CORE_USER, password: CORE_PASS, timeoutMs: 300, logger: logs.logger, ...client });
  return { sb: sandbox, url, core, logs };
}

const fixture = (n: 1 | 2 | 3) => readFixture(n) as TCoreCustomerPayload;
const PRODUCT = { product_code: "AH01", customer_number: 100001, open_date: "2021-01-02" };

describe("core_customer against the sandbox", () => {
  it("creates each fixture and returns its number; the sandbox stored exactly the bytes sent", async () => {
    const { sb, core, url } = await start();
    for (const [n, expected] of [[1, 100001], [2, 100002], [3, 100003]] as const) {
      const { exchange, result } = await core.pushCustomer(fixture(n));
      expect(result).toEqual({ kind: "created", customerNumber: expected });
      expect(exchange.url).toBe(`${url}/core_customer`);
      expect(exchange.requestBody).toBe(JSON.stringify(readFixture(n)));
      expect(JSON.stringify(sb.ledger.getCustomer(expected)?.lastBody)).toBe(exchange.requestBody);
      expect(exchange.outcome).toMatchObject({ kind: "response", status: 201, rawBody: `{"customer_number":${expected}}` });
    }
  });

  it("a resend gets the same number, with or without customer_number set", async () => {
    const { sb, core } = await start();
    const first = await core.pushCustomer(fixture(2));
    const again = await core.pushCustomer(fixture(2));
    const body = fixture(2);
    const update = await core.pushCustomer({ ...body, client_info: { ...body.client_info, customer_number: 100001 } });
    expect([first.result, again.result, update.result]).toEqual(Array(3).fill({ kind: "created", customerNumber: 100001 }));
    expect(sb.ledger.getCustomer(100001)?.writes).toBe(3);
  });

  it("400 → rejected with the core's message verbatim", async () => {
    const { core } = await start();
    const body = fixture(1);
    const { result } = await core.pushCustomer({ ...body, client_info: { ...body.client_info, first_name: "" } });
    expect(result).toEqual({ kind: "rejected", status: 400, message: "client_info.first_name: required" });
    const faulted = await start({ core_customer: { kind: "status400", message: "Cliente bloqueado en core" } });
    expect((await faulted.core.pushCustomer(fixture(1))).result).toEqual({ kind: "rejected", status: 400, message: "Cliente bloqueado en core" });
  });

  it("wrong credentials → rejected 401, and nothing is stored", async () => {
    const { sb, core } = await start(undefined, { password: "wrong-password" });
    const { result } = await core.pushCustomer(fixture(1));
    expect(result).toEqual({ kind: "rejected", status: 401, message: "Unauthorized: missing or invalid Basic credentials" });
    expect(sb.ledger.listCustomers()).toHaveLength(0);
  });

  it.each([
    [{ kind: "timeout" }, "no answer: timeout after 300 ms"],
    [{ kind: "status500" }, "HTTP 500"],
    [{ kind: "reset" }, "no answer: connection reset (ECONNRESET)"],
    [{ kind: "garbage" }, "HTTP 201 without a valid customer_number (body is not JSON)"],
    [{ kind: "timeout", afterProcessing: true }, "no answer: timeout after 300 ms"],
    [{ kind: "status500", afterProcessing: true }, "HTTP 500"],
    [{ kind: "reset", afterProcessing: true }, "no answer: connection reset (ECONNRESET)"],
    [{ kind: "garbage", afterProcessing: true }, "HTTP 201 without a valid customer_number (body is not JSON)"],
  ] as const)("fault %j → retryable (%s)", async (fault, reason) => {
    const { sb, core } = await start({ core_customer: fault });
    expect(readable((await core.pushCustomer(fixture(1))).result)).toEqual({ kind: "retryable", reason });
    expect(sb.ledger.listCustomers()).toHaveLength("afterProcessing" in fault ? 1 : 0);
  });

  it("connection refused → retryable, marked as not sent", async () => {
    const core = createCoreClient({ baseUrl: await closedPortUrl(), username: CORE_USER, password: CORE_PASS, timeoutMs: 300, logger: captureLogs().logger });
    const { exchange, result } = await core.pushCustomer(fixture(1));
    expect(readable(exchange.outcome)).toEqual({ kind: "not_sent", reason: "connection refused (ECONNREFUSED)" });
    expect(readable(result)).toEqual({ kind: "retryable", reason: "not sent: connection refused (ECONNREFUSED)" });
  });

  it("refuses a body that is not an enrollment, before sending", async () => {
    const { core, sb } = await start();
    const bad = { client_info: { customer_number: "12" } } as unknown as TCoreCustomerPayload;
    await expect(core.pushCustomer(bad)).rejects.toBeInstanceOf(IntegrationError);
    expect(sb.ledger.listCustomers()).toHaveLength(0);
  });
});

describe("core_product against the sandbox", () => {
  async function withCustomer(faults?: TCoreFaults) {
    const started = await start(faults);
    await started.core.pushCustomer(fixture(1));
    return started;
  }

  it("201 → answered with the account", async () => {
    const { core, url } = await withCustomer();
    const { exchange, result } = await core.openProduct(PRODUCT);
    expect(result).toEqual({ kind: "answered", status: 201, accounts: [{ action: "CREATE", accountProduct: "AH01", accountNumber: "000200000001", message: null }] });
    expect(exchange.url).toBe(`${url}/core_product`);
    expect(exchange.requestBody).toBe('{"product_code":"AH01","customer_number":100001,"open_date":"2021-01-02"}');
  });

  it("partial → answered with both the CREATE and the ERROR entry", async () => {
    const { core } = await withCustomer({ core_product: { kind: "partial" } });
    expect((await core.openProduct(PRODUCT)).result).toEqual({
      kind: "answered",
      status: 201,
      accounts: [
        { action: "CREATE", accountProduct: "AH01", accountNumber: "000200000001", message: null },
        { action: "ERROR", accountProduct: "AH01-2", accountNumber: null, message: "SANDBOX partial fault: companion account could not be opened" },
      ],
    });
  });

  it("400 with accounts_info → answered with the ERROR entries verbatim", async () => {
    const { core } = await withCustomer({ core_product: { kind: "status400", message: "Producto no habilitado", times: 1 } });
    expect((await core.openProduct(PRODUCT)).result).toEqual({
      kind: "answered",
      status: 400,
      accounts: [{ action: "ERROR", accountProduct: "AH01", accountNumber: null, message: "Producto no habilitado" }],
    });
    const unknownCustomer = await core.openProduct({ ...PRODUCT, customer_number: 999 });
    expect(unknownCustomer.result).toMatchObject({ kind: "answered", status: 400, accounts: [{ message: "customer_number: customer 999 does not exist" }] });
  });

  it("wrong credentials → rejected 401", async () => {
    const { url } = await withCustomer();
    const core = createCoreClient({ baseUrl: url, username: CORE_USER, password: "nope", timeoutMs: 300, logger: captureLogs().logger });
    expect((await core.openProduct(PRODUCT)).result).toEqual({ kind: "rejected", status: 401, message: "Unauthorized: missing or invalid Basic credentials" });
  });

  it.each([
    [{ kind: "timeout" }, "timeout after 300 ms", 0],
    [{ kind: "status500" }, "HTTP 500", 0],
    [{ kind: "reset" }, "connection reset (ECONNRESET)", 0],
    [{ kind: "garbage" }, "HTTP 201 without a readable accounts_info (body is not JSON)", 0],
    [{ kind: "timeout", afterProcessing: true }, "timeout after 300 ms", 1],
    [{ kind: "status500", afterProcessing: true }, "HTTP 500", 1],
    [{ kind: "reset", afterProcessing: true }, "connection reset (ECONNRESET)", 1],
    [{ kind: "garbage", afterProcessing: true }, "HTTP 201 without a readable accounts_info (body is not JSON)", 1],
  ] as const)("fault %j → unknown (%s), never retried; accounts opened: %i", async (fault, reason, opened) => {
    const { sb, core } = await withCustomer({ core_product: fault });
    expect(readable((await core.openProduct(PRODUCT)).result)).toEqual({ kind: "unknown", reason });
    // The afterProcessing cases are why: the account exists although we saw a failure.
    expect(sb.ledger.accountCount(100001, "AH01")).toBe(opened);
  });

  it("connection refused → not_sent, the only retryable product outcome", async () => {
    const core = createCoreClient({ baseUrl: await closedPortUrl(), username: CORE_USER, password: CORE_PASS, timeoutMs: 300, logger: captureLogs().logger });
    expect(readable((await core.openProduct(PRODUCT)).result)).toEqual({ kind: "not_sent", reason: "connection refused (ECONNREFUSED)" });
  });

  it("sends the seed's related_client_info names and exact bytes", async () => {
    const r = await startRawReceiver(201, '{"account_info":[{"action":"CREATE","account_product":"SAV1","account_number":"000201000903"}]}');
    try {
      const core = createCoreClient({ baseUrl: `${r.url}/`, username: CORE_USER, password: CORE_PASS, timeoutMs: 1_000, logger: captureLogs().logger });
      const request = {
        ...PRODUCT,
        related_client_info: [
          {
            authorized_signature: 1 as const,
            customer_number: 46,
            related_wisenroll_code: "K9ZW56",
            main_document: { document_type_code: "SSN", document_number: "111010001", issuing_country_code: "US" },
            account_link_type_code: "O",
          },
        ],
      };
      const { exchange, result } = await core.openProduct(request);
      expect(r.received[0]?.url).toBe("/core_product");
      expect(r.received[0]?.raw.toString("utf8")).toBe(exchange.requestBody);
      expect(exchange.requestBody).toBe(JSON.stringify(request));
      expect(result).toEqual({ kind: "answered", status: 201, accounts: [{ action: "CREATE", accountProduct: "SAV1", accountNumber: "000201000903", message: null }] });
    } finally {
      await r.close();
    }
  });

  it("refuses an invalid request before sending: the table's names, a numeric wisenroll code, a 5-char product", async () => {
    const { core, sb } = await withCustomer();
    const invalid: unknown[] = [
      { ...PRODUCT, product_code: "AH012" },
      { ...PRODUCT, open_date: "2021-02-30" },
      { ...PRODUCT, related_client_info: [{ account_link_type: "O" }] },
      { ...PRODUCT, related_client_info: [{ related_wisenroll_code: 123456 }] },
    ];
    for (const request of invalid) await expect(core.openProduct(request as typeof PRODUCT)).rejects.toMatchObject({ kind: "invalid_request", service: "core_product" });
    expect(sb.ledger.listAccounts()).toHaveLength(0);
  });
});

describe("secrets and personal data stay out of logs and exchanges", () => {
  it("logs carry status and service, never credentials or body content", async () => {
    const { core, logs } = await start();
    const { exchange } = await core.pushCustomer(fixture(1));
    await core.openProduct(PRODUCT);
    await core.pushCustomer({ ...fixture(1), client_documents: [] }).catch(() => undefined);
    const text = logs.text();
    expect(logs.lines).toHaveLength(2);
    expect(text).toContain('"service":"core_customer"');
    expect(text).toContain('"service":"core_product"');
    const basic = Buffer.from(`${CORE_USER}:${CORE_PASS}`).toString("base64");
    for (const leak of [CORE_PASS, basic, "LUIS", "MARTINEZ", "111110001", "aauser07", "4MTA2C"]) expect(text).not.toContain(leak);
    expect(JSON.stringify({ url: exchange.url, outcome: exchange.outcome })).not.toContain(CORE_PASS);
  });
});
