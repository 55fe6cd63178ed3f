// Property-based fuzzing of POST /api/v1/enrollments (fast-check): random JSON, random text,
// and the seed's examples mutated at random paths. Whatever arrives, the answer is never a 5XX,
// a refusal names a field, and a refused body writes no row (enrollment or audit event).
import fs from "node:fs";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma, uniqueCode } from "./db";
import { INTEGRATION_INTAKE_KEY as KEY } from "./setup";

type TRoute = typeof import("@/app/api/v1/enrollments/route");
let route: TRoute;
beforeAll(async () => {
  route = await import("@/app/api/v1/enrollments/route");
});

const fixtures = [1, 2, 3].map((n) => JSON.parse(fs.readFileSync(`fixtures/enrollments/seed-example-${n}.json`, "utf8")) as Record<string, unknown>);

let tried = 0;
const statuses = new Map<number, number>();

const rowCount = async () =>
  (await prisma.$queryRaw<{ count: bigint }[]>`SELECT (SELECT count(*) FROM enrollments) + (SELECT count(*) FROM audit_events) AS count`)[0]!.count;

async function postAndCheck(body: string): Promise<void> {
  const before = await rowCount();
  const response = await route.POST(
    new Request("http://test/api/v1/enrollments", { method: "POST", body, headers: { "content-type": "application/json", authorization: `Bearer ${KEY}` } }),
  );
  tried += 1;
  statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
  expect(response.status, `5XX for ${body.slice(0, 200)}`).toBeLessThan(500);
  if (response.status >= 400) {
    const json = (await response.json()) as { errors?: { path: unknown; message: unknown }[] };
    expect(json.errors?.length).toBeGreaterThan(0);
    for (const error of json.errors!) {
      expect(typeof error.path).toBe("string");
      expect(typeof error.message).toBe("string");
    }
    expect(await rowCount(), "a refused body wrote a row").toBe(before);
  } else {
    expect([200, 201]).toContain(response.status);
  }
}

/** A path into a JSON value and a replacement: set, delete, or change the type at that spot. */
type TMutation = { path: number[]; action: "set" | "delete"; value: unknown };

function mutate(body: unknown, mutations: TMutation[]): unknown {
  const copy = structuredClone(body);
  for (const m of mutations) {
    let node: unknown = copy;
    for (const [depth, step] of m.path.entries()) {
      if (typeof node !== "object" || node === null) break;
      const keys = Object.keys(node);
      if (keys.length === 0) break;
      const key = keys[step % keys.length]!;
      const last = depth === m.path.length - 1 || typeof (node as Record<string, unknown>)[key] !== "object";
      if (last) {
        if (m.action === "delete" && !Array.isArray(node)) delete (node as Record<string, unknown>)[key];
        else (node as Record<string, unknown>)[key] = m.value;
        break;
      }
      node = (node as Record<string, unknown>)[key];
    }
  }
  return copy;
}

const mutationArb = fc.record({
  path: fc.array(fc.nat(40), { minLength: 1, maxLength: 5 }),
  action: fc.constantFrom("set" as const, "delete" as const),
  value: fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.string({ unit: "grapheme", maxLength: 300 }),
    fc.constantFrom(null, "", "null", 0, -1, 1e308, "2023-02-29", "9999-99-99", "XX", "<script>", "'; DROP TABLE enrollments; --", "\u0000"),
  ),
});

describe("intake fuzzing", () => {
  it("the seed's examples mutated at random paths: never 5XX, refusals write nothing", async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(2), fc.array(mutationArb, { minLength: 1, maxLength: 6 }), fc.boolean(), async (n, mutations, freshCode) => {
        const body = mutate(fixtures[n], mutations) as Record<string, unknown>;
        const info = body?.client_info;
        // Mostly a fresh wisenroll code, sometimes the fixture's own (a resend or a 409 conflict).
        if (freshCode && typeof info === "object" && info !== null && !Array.isArray(info)) (info as Record<string, unknown>).wisenroll_code = uniqueCode();
        await postAndCheck(JSON.stringify(body));
      }),
      { numRuns: 1400 },
    );
  }, 600_000);

  it("random JSON and random text: never 5XX, refusals write nothing", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.json({ maxDepth: 3 }),
          fc.string({ unit: "binary", maxLength: 500 }),
          fc.record({ client_info: fc.jsonValue({ maxDepth: 2 }) }).map((v) => JSON.stringify(v)),
          fc.nat(3000).map((cut) => JSON.stringify(fixtures[0]).slice(0, cut)),
        ),
        async (body) => postAndCheck(body),
      ),
      { numRuns: 700 },
    );
    console.log(`intake fuzzing: ${tried} bodies, statuses`, Object.fromEntries(statuses));
    expect(tried).toBeGreaterThanOrEqual(2000);
    // Both sides were exercised: accepted bodies and refused ones.
    expect([...statuses.keys()].some((s) => s >= 400)).toBe(true);
    expect([...statuses.keys()].some((s) => s < 300)).toBe(true);
  }, 600_000);
});
