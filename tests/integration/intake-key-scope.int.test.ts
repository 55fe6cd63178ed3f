// An intake key reads back only the enrollments it sent: another valid key (an admin-made one or
// one from INTAKE_API_KEYS) gets the same 404 as for an id that does not exist.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/enrollments/route";
import { GET } from "@/app/api/v1/enrollments/[id]/route";
import { intakeEnrollment } from "@/lib/intake/intake-enrollment";
import { createIntakeKey } from "@/lib/intake/manage-api-keys";
import { parseIntake } from "@/lib/intake/parse-intake";
import { prisma, uniqueCode } from "./db";

/** An admin for the keys' audit events (createIntakeKey wants a user who made them). */
async function adminContext() {
  const admin = await prisma.user.create({ data: { username: `scope-${uniqueCode(8).toLowerCase()}`, displayName: "S", role: "admin", passwordHash: "x" } });
  return { actor: { id: admin.id, label: admin.username }, ip: "10.0.0.5" };
}

const fixture = JSON.parse(fs.readFileSync("fixtures/enrollments/seed-example-2.json", "utf8")) as Record<string, Record<string, unknown>>;

async function send(key: string): Promise<string> {
  const body = { ...fixture, client_info: { ...fixture.client_info, wisenroll_code: `SCOPE-${uniqueCode(10)}` } };
  const response = await POST(new Request("http://console/api/v1/enrollments", { method: "POST", headers: { authorization: `Bearer ${key}` }, body: JSON.stringify(body) }));
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function read(key: string, id: string): Promise<number> {
  const response = await GET(new Request(`http://console/api/v1/enrollments/${id}`, { headers: { authorization: `Bearer ${key}` } }), { params: Promise.resolve({ id }) });
  return response.status;
}

describe("intake keys are scoped to what they sent", () => {
  it("a key reads its own enrollments; another key, admin-made or from the environment, gets 404", async () => {
    const ctx = await adminContext();
    const first = (await createIntakeKey(prisma, `scope-a-${uniqueCode()}`, ctx)).key;
    const second = (await createIntakeKey(prisma, `scope-b-${uniqueCode()}`, ctx)).key;
    const fromEnv = "other-key-000000000000";

    const sentByFirst = await send(first);
    const sentByEnv = await send(fromEnv);
    expect(await read(first, sentByFirst)).toBe(200);
    expect(await read(second, sentByFirst)).toBe(404);
    expect(await read(fromEnv, sentByFirst)).toBe(404);
    expect(await read(fromEnv, sentByEnv)).toBe(200);
    expect(await read(first, sentByEnv)).toBe(404);
  });

  it("an enrollment no key sent (the seed's own) is read by no key", async () => {
    const body = { ...fixture, client_info: { ...fixture.client_info, wisenroll_code: `SCOPE-${uniqueCode(10)}` } };
    const parsed = parseIntake(JSON.stringify(body));
    if (!parsed.ok) throw new Error("fixture rejected");
    const result = await intakeEnrollment(prisma, { ...parsed, actor: { id: null, label: "seed" } });
    if (result.kind !== "created") throw new Error(result.kind);
    expect(await read("other-key-000000000000", result.enrollment.id)).toBe(404);
  });
});
