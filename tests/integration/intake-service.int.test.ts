// The standalone intake service answers exactly as the console's route (same handler).
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIntakeServer } from "@/scripts/intake-server";
import { prisma, uniqueCode } from "./db";
import { INTEGRATION_INTAKE_KEY as KEY } from "./setup";

let server: Server;
let base: string;

beforeAll(async () => {
  server = createIntakeServer(prisma, KEY);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const post = (body: string, key: string | null = KEY) =>
  fetch(`${base}/api/v1/enrollments`, { method: "POST", body, headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) } });

describe("standalone intake service", () => {
  it("takes a seed example (201), recognises the resend (200), and stores it once", async () => {
    const body = JSON.parse(fs.readFileSync("fixtures/enrollments/seed-example-2.json", "utf8"));
    body.client_info.wisenroll_code = uniqueCode();
    const first = await post(JSON.stringify(body));
    expect(first.status).toBe(201);
    const created = (await first.json()) as { id: string; issues: number };
    expect(created.issues).toBe(0);
    expect(first.headers.get("location")).toBe(`/api/v1/enrollments/${created.id}`);
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    const again = await post(JSON.stringify(body));
    expect(again.status).toBe(200);
    expect(await prisma.enrollment.count({ where: { wisenrollCode: body.client_info.wisenroll_code } })).toBe(1);
  });

  it("refuses without a key (401), a body over 1 MiB (413), a non-object (400), and other routes", async () => {
    expect((await post("{}", null)).status).toBe(401);
    expect((await post("{}", "wrong-key-0000000000")).status).toBe(401);
    const huge = JSON.stringify({ client_info: { notes: "x".repeat(1024 * 1024) } });
    expect((await post(huge)).status).toBe(413);
    const bad = await post("[1,2]");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ errors: [{ path: "", message: "Body must be a JSON object" }] });
    expect((await fetch(`${base}/api/v1/enrollments`)).status).toBe(405);
    expect((await fetch(`${base}/admin`)).status).toBe(404);
  });

  it("JSON nested 100,000 deep: 400 naming where, not a stack overflow", async () => {
    const depth = 100_000;
    const response = await post(`{"client_info":${'{"a":'.repeat(depth)}1${"}".repeat(depth)}}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: [{ path: `client_info${".a".repeat(63)}`, message: "nested deeper than 64 levels" }] });
  });
});
