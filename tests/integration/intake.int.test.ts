import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { blindIndex } from "@/lib/crypto/pii";
import { uniqueCode, prisma } from "./db";
import { loadOpenedEnrollment } from "./pii-helpers";

import { INTEGRATION_INTAKE_KEY as KEY } from "./setup";

type TRoute = typeof import("@/app/api/v1/enrollments/route");
type TGetRoute = typeof import("@/app/api/v1/enrollments/[id]/route");
let route: TRoute;
let getRoute: TGetRoute;

beforeAll(async () => {
  route = await import("@/app/api/v1/enrollments/route");
  getRoute = await import("@/app/api/v1/enrollments/[id]/route");
});

function fixture(n: 1 | 2 | 3) {
  const body = JSON.parse(fs.readFileSync(`fixtures/enrollments/seed-example-${n}.json`, "utf8"));
  body.client_info.wisenroll_code = uniqueCode();
  return body as Record<string, any>;
}

function post(body: string, headers: Record<string, string> = { authorization: `Bearer ${KEY}` }) {
  return route.POST(new Request("http://test/api/v1/enrollments", { method: "POST", body, headers: { "content-type": "application/json", ...headers } }));
}

const enrollmentCount = () => prisma.enrollment.count();

describe("POST /api/v1/enrollments", () => {
  it.each([1, 2, 3] as const)("accepts seed example %i with zero issues and stores it exactly", async (n) => {
    const body = fixture(n);
    const response = await post(JSON.stringify(body));
    expect(response.status).toBe(201);
    const json = await response.json();
    expect(json).toMatchObject({ status: "received", issues: 0 });
    const row = await loadOpenedEnrollment(prisma, json.id);
    expect(row.receivedPayload).toEqual(body);
    expect(row.wisenrollCode).toBe(body.client_info.wisenroll_code);
    const main = body.client_documents.find((d: { main: number }) => d.main === 1);
    // Stored: the blind index and the last four characters, never the number.
    expect(row.mainDocIndex).toBe(blindIndex(main.document_number));
    expect(row.mainDocLast4).toBe(main.document_number.slice(-4));
    const raw = await prisma.enrollment.findUniqueOrThrow({ where: { id: json.id } });
    expect(JSON.stringify(raw)).not.toContain(main.document_number);
    expect(row.branchCode).toBe(body.client_entity_branch.branch_code);
    const audit = await prisma.auditEvent.findFirst({ where: { targetId: json.id, action: "enrollment.received" } });
    expect(audit?.details).toEqual({ issues: 0, products: 0 });
  });

  it("counts rule violations but still accepts the enrollment", async () => {
    const body = fixture(1);
    delete body.client_contact.email;
    body.client_info.birth_date = "1991-02-30";
    const response = await post(JSON.stringify(body));
    expect(response.status).toBe(201);
    expect((await response.json()).issues).toBe(2);
  });

  it("keeps requested_products out of the payload sent on to the core", async () => {
    const body = { ...fixture(2), requested_products: [{ product_code: "AH01", open_date: "2026-11-21" }] };
    const response = await post(JSON.stringify(body));
    const row = await loadOpenedEnrollment(prisma, (await response.json()).id);
    expect(row.requestedProducts).toEqual([{ product_code: "AH01", open_date: "2026-11-21" }]);
    expect(row.payload).not.toHaveProperty("requested_products");
    expect(row.receivedPayload).toHaveProperty("requested_products");
  });

  it("maps the seed's misspelled acount_type_description in the reviewed payload only", async () => {
    const body = fixture(1);
    const bank = body.client_references.first_bank_reference;
    bank.acount_type_description = bank.account_type_description;
    delete bank.account_type_description;
    const response = await post(JSON.stringify(body));
    const row = await loadOpenedEnrollment(prisma, (await response.json()).id);
    const reviewed = row.payload as Record<string, any>;
    expect(reviewed.client_references.first_bank_reference.account_type_description).toBe("Corriente");
    expect(reviewed.client_references.first_bank_reference).not.toHaveProperty("acount_type_description");
    expect((row.receivedPayload as Record<string, any>).client_references.first_bank_reference.acount_type_description).toBe("Corriente");
  });

  it("returns the existing enrollment when the same content is sent again, even concurrently", async () => {
    const text = JSON.stringify(fixture(3));
    const before = await enrollmentCount();
    const responses = await Promise.all(Array.from({ length: 5 }, () => post(text)));
    const bodies = await Promise.all(responses.map((r) => r.json()));
    expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(await enrollmentCount()).toBe(before + 1);
  });

  it("refuses the same wisenroll_code with different content (409) and stores nothing", async () => {
    const body = fixture(2);
    const first = await post(JSON.stringify(body));
    const before = await enrollmentCount();
    body.client_contact.email = "changed@example.com";
    const second = await post(JSON.stringify(body));
    expect(second.status).toBe(409);
    const json = await second.json();
    expect(json.errors[0].path).toBe("client_info.wisenroll_code");
    expect(json.existing_id).toBe((await first.json()).id);
    expect(await enrollmentCount()).toBe(before);
  });

  it.each([
    ["not JSON", "{not json", ""],
    ["an array", "[1,2]", ""],
    ["without client_info", JSON.stringify({ client_documents: [] }), "client_info"],
    ["client_info not an object", JSON.stringify({ client_info: "x" }), "client_info"],
    ["bad requested_products", JSON.stringify({ client_info: {}, requested_products: [{ product_code: "TOOLONG" }] }), "requested_products.0.product_code"],
  ])("400 for a body that is %s, naming the field, storing nothing", async (_label, text, path) => {
    const before = await enrollmentCount();
    const response = await post(text);
    expect(response.status).toBe(400);
    const json = await response.json();
    expect(json.errors[0].path).toBe(path);
    expect(json.errors[0].message.length).toBeGreaterThan(5);
    expect(await enrollmentCount()).toBe(before);
  });

  it("401 without a key or with a wrong one", async () => {
    const body = JSON.stringify(fixture(1));
    expect((await post(body, {})).status).toBe(401);
    expect((await post(body, { authorization: "Bearer wrong-key" })).status).toBe(401);
    expect((await post(body, { authorization: `Basic ${KEY}` })).status).toBe(401);
  });

  it("accepts an admin-created key from the database, and refuses it once revoked", async () => {
    const { generateIntakeKey } = await import("@/lib/intake/api-keys");
    const generated = generateIntakeKey();
    const key = await prisma.intakeApiKey.create({ data: { name: `test-${uniqueCode()}`, prefix: generated.prefix, keyHash: generated.keyHash } });
    const ok = await post(JSON.stringify(fixture(1)), { authorization: `Bearer ${generated.key}` });
    expect(ok.status).toBe(201);
    expect((await prisma.intakeApiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt).not.toBeNull();
    await prisma.intakeApiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
    const refused = await post(JSON.stringify(fixture(1)), { authorization: `Bearer ${generated.key}` });
    expect(refused.status).toBe(401);
  });

  it("413 over 1 MiB and nothing stored", async () => {
    const body = fixture(1);
    body.client_info.padding = "x".repeat(1024 * 1024);
    const before = await enrollmentCount();
    const response = await post(JSON.stringify(body));
    expect(response.status).toBe(413);
    expect(await enrollmentCount()).toBe(before);
  });
});

describe("GET /api/v1/enrollments/{id}", () => {
  it("returns the outcome to a caller with a key, 401 without, 404 for an unknown id", async () => {
    const created = await (await post(JSON.stringify(fixture(2)))).json();
    const get = (id: string, headers: Record<string, string>) =>
      getRoute.GET(new Request(`http://test/api/v1/enrollments/${id}`, { headers }), { params: Promise.resolve({ id }) });
    const ok = await get(created.id, { authorization: `Bearer ${KEY}` });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ id: created.id, status: "received", issues: 0, customer_number: null, accounts: [], aml_status: null });
    expect((await get(created.id, {})).status).toBe(401);
    expect((await get("018f0000-0000-7000-8000-000000000000", { authorization: `Bearer ${KEY}` })).status).toBe(404);
    expect((await get("not-a-uuid", { authorization: `Bearer ${KEY}` })).status).toBe(404);
  });
});
