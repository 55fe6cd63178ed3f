import { afterEach, describe, expect, it } from "vitest";
import { CORE_GARBAGE_BODY, createCoreSandbox, type TCoreFaults, type TCoreSandbox } from "./core-server";
import { basic, CORE_PASS, CORE_USER, postJson, readFixture, type TJson } from "./test-helpers";

let sandbox: TCoreSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function start(faults?: TCoreFaults) {
  sandbox = createCoreSandbox({ username: CORE_USER, password: CORE_PASS, faults });
  const url = await sandbox.listen(0);
  return {
    sb: sandbox,
    url,
    customer: (signal?: AbortSignal) => postJson(`${url}/core_customer`, readFixture(1), { Authorization: basic() }, signal),
    product: (signal?: AbortSignal) =>
      postJson(`${url}/core_product`, { product_code: "AH01", customer_number: 100001, open_date: "2021-01-02" }, { Authorization: basic() }, signal),
    // Creates customer 100001; only used where the fault is on core_product.
    seedCustomer: () => postJson(`${url}/core_customer`, readFixture(1), { Authorization: basic() }),
  };
}

describe("core faults: delay", () => {
  it("answers normally after the delay", async () => {
    const { customer } = await start({ core_customer: { kind: "delay", ms: 250 } });
    const started = Date.now();
    const res = await customer();
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
    expect(res.status).toBe(201);
    expect(res.json).toEqual({ customer_number: 100001 });
  });
});

describe("core faults: timeout", () => {
  it("never answers core_customer; the client gives up and nothing was stored", async () => {
    const { sb, customer } = await start({ core_customer: { kind: "timeout" } });
    await expect(customer(AbortSignal.timeout(300))).rejects.toMatchObject({ name: "TimeoutError" });
    expect(sb.ledger.listCustomers()).toHaveLength(0);
  });

  it("afterProcessing on core_product: the account exists although the caller saw a timeout, and a blind retry duplicates it", async () => {
    const { sb, product, seedCustomer } = await start({ core_product: { kind: "timeout", afterProcessing: true, times: 1 } });
    await seedCustomer();
    await expect(product(AbortSignal.timeout(300))).rejects.toMatchObject({ name: "TimeoutError" });
    expect(sb.ledger.accountCount(100001, "AH01")).toBe(1);
    const retry = await product();
    expect(retry.status).toBe(201);
    expect(sb.ledger.duplicates()).toEqual([{ customerNumber: 100001, productCode: "AH01", count: 2, accountNumbers: ["000200000001", "000200000002"] }]);
  });
});

describe("core faults: status500", () => {
  it("answers 500 without creating anything", async () => {
    const { sb, product, seedCustomer } = await start({ core_product: { kind: "status500" } });
    await seedCustomer();
    const res = await product();
    expect(res.status).toBe(500);
    expect(res.json).toEqual({ message: "SANDBOX: internal server error" });
    expect(sb.ledger.listAccounts()).toHaveLength(0);
  });

  it("afterProcessing on core_product: 500 but the account was opened", async () => {
    const { sb, product, seedCustomer } = await start({ core_product: { kind: "status500", afterProcessing: true } });
    await seedCustomer();
    expect((await product()).status).toBe(500);
    expect(sb.ledger.accountCount(100001, "AH01")).toBe(1);
  });

  it("afterProcessing on core_customer: a retry after the 500 gets the number that was assigned", async () => {
    const { sb, customer } = await start({ core_customer: { kind: "status500", afterProcessing: true, times: 1 } });
    expect((await customer()).status).toBe(500);
    expect(sb.ledger.listCustomers().map((c) => c.customerNumber)).toEqual([100001]);
    const retry = await customer();
    expect(retry.json).toEqual({ customer_number: 100001 });
    expect(sb.ledger.listCustomers()).toHaveLength(1);
  });
});

describe("core faults: reset", () => {
  it("destroys the socket: fetch rejects and nothing was stored", async () => {
    const { sb, customer } = await start({ core_customer: { kind: "reset" } });
    await expect(customer()).rejects.toThrow(TypeError);
    expect(sb.ledger.listCustomers()).toHaveLength(0);
  });

  it("afterProcessing on core_product: fetch rejects but the account exists", async () => {
    const { sb, product, seedCustomer } = await start({ core_product: { kind: "reset", afterProcessing: true } });
    await seedCustomer();
    await expect(product()).rejects.toThrow(TypeError);
    expect(sb.ledger.listAccounts()).toHaveLength(1);
  });
});

describe("core faults: garbage", () => {
  it("answers 2XX with a body that is not JSON", async () => {
    const { sb, customer } = await start({ core_customer: { kind: "garbage" } });
    const res = await customer();
    expect(res.status).toBe(201);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(res.text).toBe(CORE_GARBAGE_BODY);
    expect(() => JSON.parse(res.text) as unknown).toThrow(SyntaxError);
    expect(sb.ledger.listCustomers()).toHaveLength(0);
  });
});

describe("core faults: status400", () => {
  it("answers core_customer with the configured {message}", async () => {
    const { customer } = await start({ core_customer: { kind: "status400", message: "Cliente bloqueado en core" } });
    const res = await customer();
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ message: "Cliente bloqueado en core" });
  });

  it("answers core_product with an accounts_info ERROR entry", async () => {
    const { sb, product, seedCustomer } = await start({ core_product: { kind: "status400", message: "Producto no habilitado" } });
    await seedCustomer();
    const res = await product();
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ accounts_info: [{ action: "ERROR", account_product: "AH01", message: "Producto no habilitado" }] });
    expect(sb.ledger.listAccounts()).toHaveLength(0);
  });
});

describe("core faults: messages that echo the request's document number", () => {
  const main = (readFixture(1).client_documents as Array<{ main: number; document_number: string }>).find((d) => d.main === 1)!.document_number;

  it("core_customer: {document_number} is the main document's number, in {message} or as the raw text body", async () => {
    const { customer } = await start({ core_customer: { kind: "status400", message: "Documento {document_number} bloqueado", times: 1 } });
    expect((await customer()).json).toEqual({ message: `Documento ${main} bloqueado` });
    sandbox!.setFaults({ core_customer: { kind: "status400", message: "doc={document_number}", raw: true } });
    const raw = await customer();
    expect(raw.status).toBe(400);
    expect(raw.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(raw.text).toBe(`doc=${main}`);
  });

  it("core_product: the first related client's main document, in the ERROR entry; partial and 500 too", async () => {
    const { url, sb, seedCustomer } = await start({ core_product: { kind: "status400", message: "Relacionado {document_number} no habilitado", times: 1 } });
    await seedCustomer();
    const body = {
      product_code: "AH01",
      customer_number: 100001,
      open_date: "2021-01-02",
      related_client_info: [{ customer_number: null, main_document: { document_type_code: "SSN", document_number: "998877665", issuing_country_code: "US" } }],
    };
    const send = () => postJson(`${url}/core_product`, body, { Authorization: basic() });
    expect((await send()).json).toEqual({ accounts_info: [{ action: "ERROR", account_product: "AH01", message: "Relacionado 998877665 no habilitado" }] });
    sb.setFaults({ core_product: { kind: "partial", message: "companion for {document_number} refused", times: 1 } });
    expect(((await send()).json as { accounts_info: Array<{ message: string | null }> }).accounts_info[1]!.message).toBe("companion for 998877665 refused");
    sb.setFaults({ core_product: { kind: "status500", message: "fallo con {document_number}", times: 1 } });
    expect(await send()).toMatchObject({ status: 500, json: { message: "fallo con 998877665" } });
    // No related client: nothing to echo.
    sb.setFaults({ core_product: { kind: "status400", message: "x {document_number}", times: 1 } });
    const plain = await postJson(`${url}/core_product`, { ...body, related_client_info: undefined }, { Authorization: basic() });
    expect(plain.json).toEqual({ accounts_info: [{ action: "ERROR", account_product: "AH01", message: "x (none)" }] });
  });
});

describe("core faults: partial", () => {
  it("answers 201 with one CREATE and one ERROR entry; only the CREATE is in the ledger", async () => {
    const { sb, product, seedCustomer } = await start({ core_product: { kind: "partial" } });
    await seedCustomer();
    const res = await product();
    expect(res.status).toBe(201);
    expect(res.json).toEqual({
      accounts_info: [
        { action: "CREATE", account_product: "AH01", account_number: "000200000001", message: null },
        { action: "ERROR", account_product: "AH01-2", message: "SANDBOX partial fault: companion account could not be opened" },
      ],
    });
    expect(sb.ledger.listAccounts().map((a) => a.accountNumber)).toEqual(["000200000001"]);
  });
});

describe("core faults: times and control endpoints", () => {
  it("applies a fault to the next N requests only", async () => {
    const { customer } = await start({ core_customer: { kind: "status500", times: 2 } });
    const statuses = [(await customer()).status, (await customer()).status, (await customer()).status];
    expect(statuses).toEqual([500, 500, 201]);
  });

  it("sets faults with POST /_sandbox/faults, shows uses left, clears with DELETE", async () => {
    const { url, customer } = await start();
    const set = await postJson(`${url}/_sandbox/faults`, { core_customer: { kind: "status400", message: "no", times: 3 } });
    expect(set.status).toBe(200);
    expect((await customer()).status).toBe(400);
    const current = (await (await fetch(`${url}/_sandbox/faults`)).json()) as TJson;
    expect(current).toEqual({ core_customer: { kind: "status400", message: "no", times: 3, remaining: 2 }, core_product: null });
    const cleared = await fetch(`${url}/_sandbox/faults`, { method: "DELETE" });
    expect(cleared.status).toBe(200);
    expect((await customer()).status).toBe(201);
  });

  it("checks credentials before applying a fault, so a 401 does not use one up", async () => {
    const { url, customer } = await start({ core_customer: { kind: "status500", times: 1 } });
    const refused = await postJson(`${url}/core_customer`, readFixture(1), { Authorization: basic(CORE_USER, "wrong") });
    expect(refused.status).toBe(401);
    expect((await customer()).status).toBe(500);
  });
});
