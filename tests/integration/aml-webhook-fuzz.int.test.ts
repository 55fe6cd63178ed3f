// Property-based fuzzing of POST /api/v1/amlyze/events (fast-check): the sandbox's genuine events
// mutated at random paths and signed, random bodies signed, and deliveries with a forged or no
// signature. Whatever arrives, the answer is never a 5XX; an unsigned or forged delivery writes
// nothing; a refused event writes nothing (a batch stores exactly the good events it reports).
import fc from "fast-check";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { BATCH_CONTENT_TYPE } from "@/lib/aml/cloud-event";
import { prisma } from "./db";
import { customerEvents, deliverSigned, postWebhook } from "./webhook-test-helpers";

const SECRET = "webhook-fuzz-secret-5d21";

beforeEach(() => {
  process.env.AMLYZE_WEBHOOK_SECRET = SECRET;
  delete process.env.AMLYZE_WEBHOOK_AUTH;
});
afterAll(() => {
  delete process.env.AMLYZE_WEBHOOK_SECRET;
});

const tally = { tried: 0, fiveXX: 0, wronglyWritten: 0, statuses: new Map<number, number>() };

const eventCount = async () => (await prisma.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM aml_events`)[0]!.count;

/** Posts one delivery and checks it: never 5XX; rows written only for what the answer says was stored. */
async function deliver(post: () => Promise<Response>, mayStore: boolean) {
  const before = await eventCount();
  const response = await post();
  tally.tried += 1;
  tally.statuses.set(response.status, (tally.statuses.get(response.status) ?? 0) + 1);
  if (response.status >= 500) tally.fiveXX += 1;
  expect(response.status).toBeLessThan(500);
  const body = (await response.json()) as { error?: unknown; stored?: number };
  const written = Number((await eventCount()) - before);
  // what the answer reports as stored (a batch's good events; one event accepted: at most itself)
  const reported = typeof body.stored === "number" ? body.stored : response.status < 300 ? 1 : 0;
  const allowed = mayStore ? reported : 0;
  if (written > allowed) tally.wronglyWritten += 1;
  expect(written, `${response.status} ${JSON.stringify(body).slice(0, 200)}`).toBeLessThanOrEqual(allowed);
  if (response.status >= 400) expect(typeof body.error).toBe("string");
}

type TMutation = { path: number[]; action: "set" | "delete"; value: unknown };

/** The event with values set, deleted or retyped at random paths (keys chosen among those present). */
function mutate(event: unknown, mutations: TMutation[]): unknown {
  const copy = structuredClone(event);
  for (const m of mutations) {
    let node: unknown = copy;
    for (const [depth, step] of m.path.entries()) {
      if (typeof node !== "object" || node === null) break;
      const keys = Object.keys(node);
      if (keys.length === 0) break;
      const key = keys[step % keys.length]!;
      if (depth === m.path.length - 1 || typeof (node as Record<string, unknown>)[key] !== "object") {
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
    fc.string({ unit: "grapheme", maxLength: 200 }),
    fc.constantFrom(null, "", 0, -1, 1e308, "9999-12-31T23:59:59Z", "1970-01-01T00:00:00Z", "not-a-time", "1.0", "0.3", "\u0000", "\ud800", "<script>"),
  ),
});

describe("AMLYZE webhook fuzzing", () => {
  it("genuine events mutated at random paths, signed, alone or in batches: never 5XX, nothing written beyond what is reported", async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(9), fc.array(mutationArb, { minLength: 1, maxLength: 5 }), fc.nat(3), async (pick, mutations, batchOf) => {
        const { events } = customerEvents();
        const mutated = mutate(events[pick % events.length], mutations);
        if (batchOf === 0) {
          await deliver(() => deliverSigned(SECRET, JSON.stringify(mutated)), true);
        } else {
          const batch = [...events.slice(0, batchOf), mutated].map((event) => JSON.stringify(event));
          await deliver(() => deliverSigned(SECRET, `[${batch.join(",")}]`, { "Content-Type": BATCH_CONTENT_TYPE }), true);
        }
      }),
      { numRuns: 1300 },
    );
  }, 600_000);

  it("random bodies, signed or forged: never 5XX; a forged or missing signature writes nothing", async () => {
    const bodyArb = fc.oneof(
      fc.json({ maxDepth: 3 }),
      fc.string({ unit: "binary", maxLength: 400 }),
      fc.nat(2000).map((cut) => JSON.stringify(customerEvents().events[0]).slice(0, cut)),
    );
    const contentType = fc.constantFrom("application/cloudevents+json", BATCH_CONTENT_TYPE, "application/json", "text/plain", "");
    const signature = fc.constantFrom("valid", "forged", "missing", "garbage");
    await fc.assert(
      fc.asyncProperty(bodyArb, contentType, signature, async (body, type, how) => {
        const headers: Record<string, string> = type ? { "Content-Type": type } : {};
        if (how === "valid") return deliver(() => deliverSigned(SECRET, body, headers), true);
        if (how === "forged") return deliver(() => deliverSigned("not-the-secret", body, headers), false);
        if (how === "garbage") return deliver(() => postWebhook(body, { ...headers, "X-Amlyze-Signature": "t=1,v1=zz" }), false);
        return deliver(() => postWebhook(body, headers), false);
      }),
      { numRuns: 800 },
    );
    console.log(
      `webhook fuzzing: ${tally.tried} deliveries tried, ${tally.fiveXX} 5XX, ${tally.wronglyWritten} wrongly written; statuses`,
      Object.fromEntries(tally.statuses),
    );
    expect(tally.tried).toBeGreaterThanOrEqual(2000);
    expect([...tally.statuses.keys()].some((s) => s === 401)).toBe(true);
    expect([...tally.statuses.keys()].some((s) => s === 400)).toBe(true);
    expect([...tally.statuses.keys()].some((s) => s < 300)).toBe(true);
  }, 600_000);
});
