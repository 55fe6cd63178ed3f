// Security review, issue 12 item 2: a signed event PostgreSQL cannot store (a NUL character, a
// lone surrogate, a NUL in a key) or nested too deep is refused alone with a 400 naming the
// problem, never a 500 "deliver again", and the good events sent with it are stored.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { BATCH_CONTENT_TYPE } from "@/lib/aml/cloud-event";
import { signWebhook } from "@/lib/aml/webhook-signing";
import type { TCloudEvent } from "@/sandbox/amlyze/events";
import { customerEvents, deliverSigned, errorOf, storedEvents, viewOf } from "./webhook-test-helpers";

const SECRET = "webhook-poison-secret-93f4";

beforeEach(() => {
  process.env.AMLYZE_WEBHOOK_SECRET = SECRET;
  delete process.env.AMLYZE_WEBHOOK_AUTH;
});
afterAll(() => {
  delete process.env.AMLYZE_WEBHOOK_SECRET;
});

/** The event's JSON text with its data nested `depth` deep (written as text: JSON.stringify would overflow here too). */
function deeplyNested(event: TCloudEvent, depth: number): string {
  return JSON.stringify({ ...event, data: "DEEP" }).replace('"DEEP"', `${'{"next":'.repeat(depth)}"bottom"${"}".repeat(depth)}`);
}

/** Each poison as the JSON text of the event carrying it. */
const POISONS: Array<[string, (event: TCloudEvent) => string, RegExp]> = [
  ["a NUL character in a value", (event) => JSON.stringify({ ...event, data: { note: "a\u0000b" } }), /^data\.note: must not contain the NUL character/],
  ["a lone surrogate", (event) => JSON.stringify({ ...event, data: { note: "broken \ud800 text" } }), /^data\.note: must be valid Unicode text/],
  ["a NUL character in a key", (event) => JSON.stringify({ ...event, data: { "no\u0000te": 1 } }), /^data\.no\u0000te: key must not contain the NUL character/],
  ["nesting 5,000 deep", (event) => deeplyNested(event, 5_000), /^data(\.next)+: nested deeper than 64 levels/],
];

describe("one poisoned event", () => {
  it.each(POISONS)("%s: 400 naming the problem, nothing stored", async (_name, poison, message) => {
    const { customerExtId, events } = customerEvents();
    const response = await deliverSigned(SECRET, poison(events[0]!));
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatch(message);
    expect(await storedEvents(customerExtId)).toEqual([]);
  });

  it("in binary mode, the data: 400 naming the body", async () => {
    const { customerExtId, events } = customerEvents();
    const event = events[0]!;
    const body = JSON.stringify({ note: "a\u0000b" });
    const headers = { "Content-Type": "application/json", "ce-specversion": "1.0", "ce-id": event.id, "ce-source": event.source, "ce-type": event.type, "ce-subject": event.subject };
    const response = await deliverSigned(SECRET, body, { ...headers, "X-Amlyze-Signature": signWebhook(SECRET, new Headers(headers), body) });
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatch(/^body \(the event's data\)\.note: must not contain the NUL character/);
    expect(await storedEvents(customerExtId)).toEqual([]);
  });
});

describe("a poisoned event among good ones", () => {
  it("in one batch: the batch gets 400 naming it by index, and every good event is stored and applied", async () => {
    const { customerExtId, events } = customerEvents("SANCTIONED");
    const texts = [...events.slice(0, 4).map((event) => JSON.stringify(event)), deeplyNested({ ...events[0]!, id: crypto.randomUUID() }, 5_000), ...events.slice(4).map((event) => JSON.stringify(event))];
    const response = await deliverSigned(SECRET, `[${texts.join(",")}]`, { "Content-Type": BATCH_CONTENT_TYPE });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: expect.stringMatching(/^\[4\]\.data(\.next)+: nested deeper than 64 levels$/), stored: 9, duplicates: 0 });
    expect(await storedEvents(customerExtId)).toHaveLength(9);
    expect(await viewOf(customerExtId)).toMatchObject({ state: "hit", sanctionsHit: true, eventCount: 9 });
  });

  it("delivered at the same time: the poisoned one gets 400, the others 200", async () => {
    const { customerExtId, events } = customerEvents();
    const poisoned = POISONS.map(([, poison]) => poison({ ...events[0]!, id: crypto.randomUUID() }));
    const deliveries = [...events.slice(0, 3).map((event) => JSON.stringify(event)), ...poisoned, ...events.slice(3).map((event) => JSON.stringify(event))];
    const responses = await Promise.all(deliveries.map((text) => deliverSigned(SECRET, text)));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 400, 400, 400, 400, 200, 200, 200, 200, 200, 200]);
    expect(await viewOf(customerExtId)).toMatchObject({ eventCount: 9 });
  });
});
