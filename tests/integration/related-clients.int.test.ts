// Related clients are real (issue 13, item 4), against real PostgreSQL: what
// POST /api/enrollments/{id}/related-clients answers the push form, and what the push request
// refuses on the same rule (an unknown code, the enrollment itself, a code of another customer, a
// customer number no enrollment has unless the officer confirmed the core knows it).
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { TCurrentUser } from "@/lib/auth/current-user";
import { testUser } from "@/lib/auth/test-user";
import type { TRelatedClientInput } from "@/lib/push/push-input";
import type { TRelatedClientMatch } from "@/lib/push/related-client";
import { requestPush } from "@/lib/push/request-push";
import { uniqueCode } from "./db";
import { actor, intakeFixture, loadEnrollment, loadProducts, prisma, product, removeJobs } from "./push-helpers";

const state = vi.hoisted(() => ({ user: null as TCurrentUser | null }));
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => state.user }));

const { POST } = await import("@/app/api/enrollments/[id]/related-clients/route");

type TFixture = { id: string; code: string; document: string };
/** 0 is the enrollment being pushed, 1 a core customer, 2 not pushed yet. */
const fixtures: TFixture[] = [];
const HOLDER_NUMBER = 5_000_000_000 + Math.floor(Math.random() * 1_000_000);
/** A customer number no enrollment has. */
const STRANGER_NUMBER = HOLDER_NUMBER + 1_000_000;
/** A product code of this file's own: the shared database's AH01 is the seed's (the e2e reads its name). */
const CODE = `RL${uniqueCode(2)}`;

beforeAll(async () => {
  await prisma.productCode.create({ data: { code: CODE, name: "Related clients test" } });
  for (let i = 0; i < 3; i += 1) {
    const id = await intakeFixture();
    const row = await prisma.enrollment.findUniqueOrThrow({ where: { id }, select: { wisenrollCode: true, mainDocLast4: true } });
    fixtures.push({ id, code: row.wisenrollCode!, document: row.mainDocLast4! });
  }
  await prisma.enrollment.update({ where: { id: fixtures[1]!.id }, data: { status: "pushed", customerNumber: BigInt(HOLDER_NUMBER) } });
});
/** Enrollments whose pushes were queued here: the e2e worker, sharing this database, must not run them. */
const queued: string[] = [];
afterAll(async () => removeJobs(queued));
beforeEach(() => {
  state.user = testUser("officer");
});

function call(body: unknown, id = fixtures[0]!.id) {
  const request = new Request(`http://console.test/api/enrollments/${id}/related-clients`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return POST(request, { params: Promise.resolve({ id }) });
}

async function lookup(...clients: Array<{ customerNumber?: string | null; relatedWisenrollCode?: string | null }>): Promise<TRelatedClientMatch[]> {
  const response = await call({ clients: clients.map((c) => ({ customerNumber: c.customerNumber ?? null, relatedWisenrollCode: c.relatedWisenrollCode ?? null })) });
  expect(response.status).toBe(200);
  expect(response.headers.get("cache-control")).toBe("no-store");
  return ((await response.json()) as { clients: TRelatedClientMatch[] }).clients;
}

const related = (patch: Partial<TRelatedClientInput>): TRelatedClientInput => ({
  customerNumber: null,
  relatedWisenrollCode: null,
  accountLinkTypeCode: null,
  authorizedSignature: 0,
  mainDocument: null,
  ...patch,
});

async function pushWithRelated(id: string, ...clients: TRelatedClientInput[]) {
  const { version } = await loadEnrollment(id);
  return requestPush(prisma, { enrollmentId: id, expectedVersion: version, products: [{ ...product(CODE), related: clients }], actor });
}

describe("POST /api/enrollments/{id}/related-clients", () => {
  it("answers only roles that may push", async () => {
    state.user = null;
    expect((await call({ clients: [{ customerNumber: null, relatedWisenrollCode: fixtures[1]!.code }] })).status).toBe(401);
    for (const user of [testUser("compliance"), testUser("admin")]) {
      state.user = user;
      expect((await call({ clients: [{ customerNumber: null, relatedWisenrollCode: fixtures[1]!.code }] })).status).toBe(403);
    }
  });

  it("names each related client's enrollment, masked, in the order asked", async () => {
    const [byCode, byNumber, notPushed] = await lookup(
      { relatedWisenrollCode: fixtures[1]!.code },
      { customerNumber: String(HOLDER_NUMBER) },
      { relatedWisenrollCode: fixtures[2]!.code },
    );
    expect(byCode).toEqual({
      kind: "enrollment",
      enrollment: expect.objectContaining({ id: fixtures[1]!.id, customerNumber: String(HOLDER_NUMBER), mainDocMasked: `••••${fixtures[1]!.document}`, mainDocType: "SSN" }),
    });
    expect(byNumber).toEqual(byCode);
    expect(notPushed).toEqual({ kind: "enrollment", enrollment: expect.objectContaining({ id: fixtures[2]!.id, customerNumber: null, status: "received" }) });
  });

  it("says which names match no one, or the wrong one", async () => {
    expect(
      await lookup(
        { relatedWisenrollCode: "ZZZZZZ" },
        { relatedWisenrollCode: fixtures[0]!.code },
        { customerNumber: String(STRANGER_NUMBER) },
        { relatedWisenrollCode: fixtures[1]!.code, customerNumber: String(STRANGER_NUMBER) },
        { customerNumber: "abc" },
      ),
    ).toEqual([
      { kind: "unknown_code" },
      { kind: "self", by: "code" },
      { kind: "unknown_customer", customerNumber: String(STRANGER_NUMBER) },
      { kind: "other_customer", customerNumber: String(HOLDER_NUMBER) },
      { kind: "none" },
    ]);
  });

  it("refuses a lookup it cannot run", async () => {
    expect((await call({ clients: [] })).status).toBe(400);
    expect((await call("not json")).status).toBe(400);
    expect((await call({ clients: [{ customerNumber: null, relatedWisenrollCode: "ZZZZZZ" }] }, "00000000-0000-7000-8000-000000000000")).status).toBe(404);
  });
});

describe("push request: related clients must be real", () => {
  it("refuses a customer number no enrollment has until the officer confirms the core knows it, writing nothing", async () => {
    const id = await intakeFixture();
    queued.push(id);
    const refused = await pushWithRelated(id, related({ customerNumber: STRANGER_NUMBER }));
    expect(refused).toEqual({
      kind: "invalid",
      errors: [{ path: "products.0.related.0.customerNumber", message: "no enrollment of this console has this customer number: confirm that the core knows it" }],
    });
    expect((await loadEnrollment(id)).pushSeq).toBe(0);
    expect(await prisma.productRequest.count({ where: { enrollmentId: id } })).toBe(0);

    const confirmed = await pushWithRelated(id, related({ customerNumber: STRANGER_NUMBER, confirmUnknownCustomer: true }));
    expect(confirmed).toEqual({ kind: "queued", pushSeq: 1 });
    expect((await loadProducts(id))[0]!.relatedClientInfo).toEqual([
      { customer_number: STRANGER_NUMBER, related_wisenroll_code: null, account_link_type_code: "O", authorized_signature: 0, main_document: null },
    ]);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { targetId: id, action: "enrollment.push_requested" } });
    expect(audit.details).toMatchObject({ unknownCustomersConfirmed: [STRANGER_NUMBER] });

    // a customer number the console knows needs no confirmation
    const another = await intakeFixture();
    queued.push(another);
    expect(await pushWithRelated(another, related({ customerNumber: HOLDER_NUMBER }))).toEqual({ kind: "queued", pushSeq: 1 });
    const anotherAudit = await prisma.auditEvent.findFirstOrThrow({ where: { targetId: another, action: "enrollment.push_requested" } });
    expect(anotherAudit.details).not.toHaveProperty("unknownCustomersConfirmed");
  });

  it("refuses the enrollment itself and a wisenroll code of another customer than the number given, on their fields", async () => {
    const [self, other] = [fixtures[0]!, fixtures[1]!];
    const result = await pushWithRelated(
      self.id,
      related({ relatedWisenrollCode: self.code }),
      related({ relatedWisenrollCode: other.code, customerNumber: STRANGER_NUMBER, confirmUnknownCustomer: true }),
    );
    expect(result).toEqual({
      kind: "invalid",
      errors: [
        { path: "products.0.related.0.relatedWisenrollCode", message: "this is the enrollment being pushed" },
        { path: "products.0.related.1.customerNumber", message: `the enrollment with this wisenroll code is customer ${HOLDER_NUMBER}` },
      ],
    });
    expect((await loadEnrollment(self.id)).pushSeq).toBe(0);
  });
});
