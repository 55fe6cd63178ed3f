import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCoreSandbox, type TCoreSandbox } from "./core-server";
import { basic, CORE_PASS, CORE_USER, postJson, readFixture, type TJson } from "./test-helpers";

let sandbox: TCoreSandbox;
let url: string;

beforeEach(async () => {
  sandbox = createCoreSandbox({ username: CORE_USER, password: CORE_PASS });
  url = await sandbox.listen(0);
});
afterEach(async () => {
  await sandbox.close();
});

const customer = (body: unknown, auth = basic()) => postJson(`${url}/core_customer`, body, { Authorization: auth });
const product = (body: unknown) => postJson(`${url}/core_product`, body, { Authorization: basic() });
const withInfo = (base: TJson, patch: TJson): TJson => ({ ...base, client_info: { ...(base.client_info as TJson), ...patch } });

describe("core sandbox auth", () => {
  it.each([
    ["no header", ""],
    ["wrong password", basic(CORE_USER, "nope")],
    ["wrong user", basic("someone", CORE_PASS)],
    ["bearer instead of basic", `Bearer ${CORE_PASS}`],
  ])("refuses %s with 401 {message}", async (_label, auth) => {
    const res = await customer(readFixture(1), auth);
    expect(res.status).toBe(401);
    expect(res.json?.message).toMatch(/Unauthorized/);
    expect(res.headers.get("www-authenticate")).toMatch(/^Basic/);
    const productRes = await postJson(`${url}/core_product`, { product_code: "AH01", customer_number: 1, open_date: "2021-01-02" }, { Authorization: auth });
    expect(productRes.status).toBe(401);
    expect(sandbox.ledger.listCustomers()).toHaveLength(0);
  });
});

describe("POST /_sandbox/credentials", () => {
  it("rotates the accepted Basic credentials at once, never echoing the password", async () => {
    const res = await postJson(`${url}/_sandbox/credentials`, { username: "console", password: "rotated-2026" });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ username: "console" });
    expect((await customer({}, basic(CORE_USER, CORE_PASS))).status).toBe(401);
    const withNew = await customer({}, basic("console", "rotated-2026"));
    expect(withNew.status).toBe(400);
    expect(sandbox.ledger.listCustomers()).toHaveLength(0);
  });

  it("refuses a body without both fields or a username with a colon", async () => {
    for (const body of [{ username: "a" }, { username: "a:b", password: "x" }, { username: "a", password: "x", extra: 1 }]) {
      expect((await postJson(`${url}/_sandbox/credentials`, body)).status).toBe(400);
    }
    expect((await customer({}, basic())).status).toBe(400);
  });
});

describe("POST /core_customer", () => {
  it("accepts each seed fixture with its own customer number", async () => {
    const numbers: unknown[] = [];
    for (const n of [1, 2, 3] as const) {
      const res = await customer(readFixture(n));
      expect(res.status).toBe(201);
      numbers.push(res.json?.customer_number);
    }
    expect(numbers).toEqual([100001, 100002, 100003]);
    expect(sandbox.ledger.getCustomer(100002)?.lastName).toBe("MATOS");
  });

  it("returns the same number when the same main document is sent again (safe retry)", async () => {
    const first = await customer(readFixture(1));
    const second = await customer(readFixture(1));
    expect(first.json).toEqual({ customer_number: 100001 });
    expect(second.status).toBe(201);
    expect(second.json).toEqual({ customer_number: 100001 });
    expect(sandbox.ledger.listCustomers()).toHaveLength(1);
    expect(sandbox.ledger.getCustomer(100001)?.writes).toBe(2);
  });

  it("refuses, as a strict core, a create from another enrollment for a main document it already has (409 {message})", async () => {
    const first = await customer(readFixture(1));
    // the same person enrolled again: another wisenroll code, no customer number
    const second = await customer(withInfo(readFixture(1), { wisenroll_code: "ZX9Q2A", first_name: "LUISA" }));
    expect(second.status).toBe(409);
    expect(second.json).toEqual({
      message: "client_documents: a customer with this main document already exists (customer 100001); send client_info.customer_number to update it",
    });
    expect(first.json).toEqual({ customer_number: 100001 });
    expect(sandbox.ledger.listCustomers()).toHaveLength(1);
    expect(sandbox.ledger.getCustomer(100001)).toMatchObject({ firstName: "LUIS", writes: 1 });
    // an update naming the customer still goes through, and its enrollment's resends are retries
    const update = await customer(withInfo(readFixture(1), { wisenroll_code: "ZX9Q2A", customer_number: 100001, first_name: "LUISA" }));
    expect(update.status).toBe(201);
    expect(update.json).toEqual({ customer_number: 100001 });
    expect((await customer(withInfo(readFixture(1), { wisenroll_code: "ZX9Q2A" }))).json).toEqual({ customer_number: 100001 });
    expect(sandbox.ledger.getCustomer(100001)).toMatchObject({ firstName: "LUIS", writes: 3, wisenrollCodes: ["4MTA2C", "ZX9Q2A"] });
  });

  it("flags instead, when set to: the create is merged into the existing customer and listed in the ledger", async () => {
    const lenient = createCoreSandbox({ username: CORE_USER, password: CORE_PASS, duplicateDocument: "flag" });
    const lenientUrl = await lenient.listen(0);
    try {
      const send = (body: unknown) => postJson(`${lenientUrl}/core_customer`, body, { Authorization: basic() });
      await send(readFixture(1));
      const second = await send(withInfo(readFixture(1), { wisenroll_code: "ZX9Q2A", last_name: "NUNEZ" }));
      expect(second.status).toBe(201);
      expect(second.json).toEqual({ customer_number: 100001 });
      const ledger = (await (await fetch(`${lenientUrl}/_sandbox/ledger`)).json()) as TJson;
      expect(ledger.flagged).toEqual([{ customerNumber: 100001, wisenrollCode: "ZX9Q2A", at: expect.any(String) }]);
      expect(lenient.ledger.getCustomer(100001)?.lastName).toBe("NUNEZ");
    } finally {
      await lenient.close();
    }
  });

  it("updates the customer named by client_info.customer_number", async () => {
    await customer(readFixture(1));
    const res = await customer(withInfo(readFixture(1), { customer_number: 100001, first_name: "LUISA" }));
    expect(res.status).toBe(201);
    expect(res.json?.customer_number).toBe(100001);
    expect(sandbox.ledger.getCustomer(100001)?.firstName).toBe("LUISA");
  });

  it("refuses an unknown customer_number", async () => {
    const res = await customer(withInfo(readFixture(2), { customer_number: 999999 }));
    expect(res.status).toBe(400);
    expect(res.json?.message).toBe("client_info.customer_number: customer 999999 does not exist");
  });

  it("refuses an update that would steal another customer's main document", async () => {
    await customer(readFixture(1));
    await customer(readFixture(2));
    const res = await customer(withInfo(readFixture(1), { customer_number: 100002 }));
    expect(res.status).toBe(400);
    expect(res.json?.message).toBe("client_documents: main document already belongs to customer 100001");
  });

  it.each([
    ["client_info.first_name: required", (b: TJson) => withInfo(b, { first_name: "" })],
    ["client_info.last_name: at most 30 characters", (b: TJson) => withInfo(b, { last_name: "X".repeat(31) })],
    ["client_info.sex: must be one of M, F, NB, NC, O", (b: TJson) => withInfo(b, { sex: "X" })],
    ["client_info.other_sex_description: required when sex is O", (b: TJson) => withInfo(b, { sex: "O" })],
    ["client_info.birth_date: must be a real date YYYY-MM-DD", (b: TJson) => withInfo(b, { birth_date: "1991-02-30" })],
    ["client_info.wisenroll_code: required", (b: TJson) => withInfo(b, { wisenroll_code: null })],
    ["client_documents: at least one document is required", (b: TJson) => ({ ...b, client_documents: [] })],
    ["client_documents: exactly one document must have main: 1 (found 0)", (b: TJson) => ({ ...b, client_documents: (b.client_documents as TJson[]).map((d) => ({ ...d, main: 0 })) })],
    ["client_documents: exactly one document must have main: 1 (found 5)", (b: TJson) => ({ ...b, client_documents: (b.client_documents as TJson[]).map((d) => ({ ...d, main: 1 })) })],
    ["client_documents[0].issuing_country_code: must be an ISO 3166-1 alpha-2 code", (b: TJson) => ({ ...b, client_documents: (b.client_documents as TJson[]).map((d, i) => (i === 0 ? { ...d, issuing_country_code: "USA" } : d)) })],
    ["client_contact.email: required", (b: TJson) => ({ ...b, client_contact: { cell_phone: "7862229999" } })],
    ["client_contact.cell_phone: required", (b: TJson) => ({ ...b, client_contact: { email: "a@b.co" } })],
    ["client_entity_branch.branch_code: required", (b: TJson) => ({ ...b, client_entity_branch: { branch_name: "Branch 01" } })],
    ["client_entity_branch.branch_name: at most 35 characters", (b: TJson) => ({ ...b, client_entity_branch: { branch_code: "01", branch_name: "B".repeat(36) } })],
    ["client_job_info: required", (b: TJson) => ({ ...b, client_job_info: undefined })],
    ["client_info.customer_number: must be an integer or null", (b: TJson) => withInfo(b, { customer_number: "100001" })],
  ])("answers 400 {message: %j}", async (message, mutate) => {
    const res = await customer(mutate(readFixture(1)));
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ message });
    expect(sandbox.ledger.listCustomers()).toHaveLength(0);
  });

  it("refuses a body that is not a JSON object", async () => {
    const res = await customer("{not json");
    expect(res.status).toBe(400);
    expect(res.json?.message).toBe("body: must be a JSON object");
  });
});

describe("POST /core_product", () => {
  const body = (customerNumber: number) => ({ product_code: "AH01", customer_number: customerNumber, open_date: "2021-01-02" });

  it("opens a new account on every call: a resend duplicates it", async () => {
    await customer(readFixture(1));
    const first = await product(body(100001));
    const second = await product(body(100001));
    expect(first.status).toBe(201);
    expect(first.json).toEqual({ accounts_info: [{ action: "CREATE", account_product: "AH01", account_number: "000200000001", message: null }] });
    expect(second.status).toBe(201);
    expect(second.json).toEqual({ accounts_info: [{ action: "CREATE", account_product: "AH01", account_number: "000200000002", message: null }] });
    expect(sandbox.ledger.accountCount(100001, "AH01")).toBe(2);
    const ledger = (await (await fetch(`${url}/_sandbox/ledger`)).json()) as TJson;
    expect(ledger.duplicates).toEqual([{ customerNumber: 100001, productCode: "AH01", count: 2, accountNumbers: ["000200000001", "000200000002"] }]);
  });

  it("accepts related_client_info as in the seed example", async () => {
    await customer(readFixture(1));
    await customer(readFixture(2));
    const res = await product({
      ...body(100001),
      related_client_info: [
        {
          authorized_signature: 1,
          customer_number: 100002,
          related_wisenroll_code: "K9ZW56",
          main_document: { document_type_code: "SSN", document_number: "111010001", issuing_country_code: "US" },
          account_link_type_code: "O",
        },
      ],
    });
    expect(res.status).toBe(201);
    expect(sandbox.ledger.listAccounts()[0]?.relatedCustomerNumbers).toEqual([100002]);
  });

  it.each([
    ["customer_number: customer 424242 does not exist", "AH01", { customer_number: 424242 }],
    ["product_code: at most 4 characters", "AH011", { product_code: "AH011" }],
    ["open_date: must be a real date YYYY-MM-DD", "AH01", { open_date: "2021-13-01" }],
    ["open_date: required", "AH01", { open_date: undefined }],
    ["related_client_info[0].related_wisenroll_code: must be 6 characters", "AH01", { related_client_info: [{ related_wisenroll_code: "K9ZW5" }] }],
    ["related_client_info[0].authorized_signature: must be 0 or 1", "AH01", { related_client_info: [{ authorized_signature: 2 }] }],
    ["related_client_info[0].customer_number: customer 77 does not exist", "AH01", { related_client_info: [{ customer_number: 77 }] }],
  ])("answers 400 accounts_info ERROR %j", async (message, accountProduct, patch) => {
    await customer(readFixture(1));
    const res = await product({ ...body(100001), ...patch });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ accounts_info: [{ action: "ERROR", account_product: accountProduct, message }] });
    expect(sandbox.ledger.listAccounts()).toHaveLength(0);
  });
});

describe("sandbox control endpoints", () => {
  it("POST /_sandbox/reset clears customers, accounts and faults", async () => {
    await customer(readFixture(1));
    await product({ product_code: "AH01", customer_number: 100001, open_date: "2021-01-02" });
    sandbox.setFaults({ core_product: { kind: "status500" } });
    const res = await postJson(`${url}/_sandbox/reset`, {});
    expect(res.status).toBe(200);
    expect(sandbox.ledger.snapshot()).toEqual({ customers: [], accounts: [], accountCounts: [], duplicates: [], flagged: [] });
    expect(sandbox.faults()).toEqual({ core_customer: null, core_product: null });
    expect((await customer(readFixture(2))).json).toEqual({ customer_number: 100001 });
  });

  it("POST /_sandbox/faults refuses unknown kinds and partial on core_customer", async () => {
    const unknown = await postJson(`${url}/_sandbox/faults`, { core_product: { kind: "explode" } });
    expect(unknown.status).toBe(400);
    expect(unknown.json?.message).toMatch(/^core_product\.kind/);
    const partial = await postJson(`${url}/_sandbox/faults`, { core_customer: { kind: "partial" } });
    expect(partial.status).toBe(400);
    expect(sandbox.faults()).toEqual({ core_customer: null, core_product: null });
  });

  it("unknown routes answer 404", async () => {
    const res = await fetch(`${url}/core_accounts`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as TJson).message).toBe("SANDBOX: no route for GET /core_accounts");
  });
});
