// POST /api/enrollments/{id}/related-candidates against real PostgreSQL: who may search, what a
// row shows (the main document masked to its last four), what the search finds and leaves out.
import fs from "node:fs";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { TCurrentUser } from "@/lib/auth/current-user";
import { testUser } from "@/lib/auth/test-user";
import { intakeEnrollment } from "@/lib/intake/intake-enrollment";
import { parseIntake } from "@/lib/intake/parse-intake";
import type { TRelatedCandidate } from "@/lib/push/related-candidate";
import { prisma, uniqueCode } from "./db";

const state = vi.hoisted(() => ({ user: null as TCurrentUser | null }));
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => state.user }));

const { POST } = await import("@/app/api/enrollments/[id]/related-candidates/route");

// A surname of our own, so the demo data and other tests do not change what we find.
const SURNAME = `PICK${uniqueCode(5)}`;
type TFixture = { id: string; code: string; document: string };
const fixtures: TFixture[] = [];

async function intake(firstName: string): Promise<TFixture> {
  const body = JSON.parse(fs.readFileSync("fixtures/enrollments/seed-example-1.json", "utf8"));
  const code = uniqueCode();
  const document = `R${uniqueCode(9)}`;
  body.client_info.wisenroll_code = code;
  body.client_info.first_name = firstName;
  body.client_info.last_name = SURNAME;
  body.client_documents.find((d: { main: number }) => d.main === 1).document_number = document;
  const parsed = parseIntake(JSON.stringify(body));
  if (!parsed.ok) throw new Error("fixture rejected");
  const result = await intakeEnrollment(prisma, { ...parsed, actor: { id: null, label: "test" } });
  if (result.kind !== "created") throw new Error(result.kind);
  return { id: result.enrollment.id, code, document };
}

const CUSTOMER_NUMBER = 4_000_000_000 + Math.floor(Math.random() * 1_000_000);

beforeAll(async () => {
  // 0 is the enrollment being pushed, 1 was pushed (a core customer), 2 was not, 3 cannot be
  // named at all (no customer number, and a wisenroll code the push would not take)
  for (const name of ["SELF", "JOINT", "BENEFICIARY", "UNNAMEABLE"]) fixtures.push(await intake(name));
  await prisma.enrollment.update({ where: { id: fixtures[1]!.id }, data: { status: "pushed", customerNumber: BigInt(CUSTOMER_NUMBER) } });
  await prisma.enrollment.update({ where: { id: fixtures[3]!.id }, data: { wisenrollCode: `LONG-${uniqueCode(8)}` } });
});

beforeEach(() => {
  state.user = testUser("officer");
});

function call(body: unknown, options: { id?: string; contentType?: string } = {}) {
  const id = options.id ?? fixtures[0]!.id;
  const request = new Request(`http://console.test/api/enrollments/${id}/related-candidates`, {
    method: "POST",
    headers: { "Content-Type": options.contentType ?? "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return POST(request, { params: Promise.resolve({ id }) });
}

async function search(q: string): Promise<{ rows: TRelatedCandidate[]; text: string }> {
  const response = await call({ q });
  expect(response.status).toBe(200);
  expect(response.headers.get("cache-control")).toBe("no-store");
  const text = await response.text();
  return { rows: (JSON.parse(text) as { rows: TRelatedCandidate[] }).rows, text };
}

describe("related-client search", () => {
  it("answers only roles that may push: 401 signed out, 403 compliance, admin or a pending step", async () => {
    state.user = null;
    expect((await call({ q: SURNAME })).status).toBe(401);
    for (const user of [testUser("compliance"), testUser("admin"), testUser("officer", "password"), testUser("officer", "totp")]) {
      state.user = user;
      const response = await call({ q: SURNAME });
      expect(response.status, `${user.role} ${user.pending}`).toBe(403);
      expect(await response.text()).not.toContain(SURNAME);
    }
  });

  it("finds other enrollments by name, never the one being pushed nor one the push could not name", async () => {
    const { rows } = await search(SURNAME.toLowerCase());
    expect(rows.map((row) => row.id).sort()).toEqual([fixtures[1]!.id, fixtures[2]!.id].sort());
    const pushed = rows.find((row) => row.id === fixtures[1]!.id)!;
    expect(pushed).toMatchObject({ wisenrollCode: fixtures[1]!.code, status: "pushed", customerNumber: String(CUSTOMER_NUMBER) });
    expect(pushed.fullName).toContain("JOINT");
    expect(rows.find((row) => row.id === fixtures[2]!.id)).toMatchObject({ wisenrollCode: fixtures[2]!.code, status: "received", customerNumber: null });
  });

  it("masks the main document to its last four characters", async () => {
    const { rows, text } = await search(SURNAME);
    for (const row of rows) {
      const fixture = fixtures.find((f) => f.id === row.id)!;
      expect(row.mainDocMasked).toBe(`••••${fixture.document.slice(-4)}`);
      // not the number, nor any part of it beyond the last four, anywhere in the answer
      expect(text).not.toContain(fixture.document.slice(0, -4));
    }
    expect(Object.keys(rows[0]!).sort()).toEqual(["customerNumber", "fullName", "id", "mainDocCountry", "mainDocMasked", "mainDocType", "otherBranch", "status", "wisenrollCode"]);
  });

  it("finds by exact wisenroll code (any case) and by full document number, not by part of one", async () => {
    expect((await search(fixtures[2]!.code.toLowerCase())).rows.map((row) => row.id)).toEqual([fixtures[2]!.id]);
    const byDocument = await search(fixtures[1]!.document);
    expect(byDocument.rows.map((row) => row.id)).toEqual([fixtures[1]!.id]);
    expect(byDocument.text).not.toContain(fixtures[1]!.document);
    expect((await search(fixtures[1]!.document.slice(0, -1))).rows).toEqual([]);
    // the enrollment being pushed is left out even when named exactly
    expect((await search(fixtures[0]!.code)).rows).toEqual([]);
    expect((await search(fixtures[0]!.document)).rows).toEqual([]);
  });

  it("refuses a search it cannot run", async () => {
    expect((await call({ q: "x" })).status).toBe(400);
    expect((await call({ q: "x".repeat(101) })).status).toBe(400);
    expect((await call("not json")).status).toBe(400);
    expect((await call(`q=${SURNAME}`, { contentType: "application/x-www-form-urlencoded" })).status).toBe(415);
    expect((await call({ q: "x".repeat(2_000) })).status).toBe(413);
    expect((await call({ q: SURNAME }, { id: "not-a-uuid" })).status).toBe(404);
  });
});
