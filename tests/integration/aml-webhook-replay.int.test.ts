// Security review, issue 12 item 1: a captured delivery cannot be replayed to rewrite a
// customer's AML view. The signature covers the attributes in binary mode too, a `time` far in
// the future is refused, and a genuine later result always wins over what was received before it.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { AMLYZE_EVENT_TYPES } from "@/sandbox/amlyze/events";
import { signWebhook, signWebhookBody } from "@/lib/aml/webhook-signing";
import { customerEvents, deliverSigned, errorOf, postWebhook, storedEvents, viewOf } from "./webhook-test-helpers";

const SECRET = "webhook-replay-secret-6b0e";

beforeEach(() => {
  process.env.AMLYZE_WEBHOOK_SECRET = SECRET;
  delete process.env.AMLYZE_WEBHOOK_AUTH;
  delete process.env.AMLYZE_WEBHOOK_MAX_CLOCK_SKEW_MS;
});
afterAll(() => {
  delete process.env.AMLYZE_WEBHOOK_SECRET;
  delete process.env.AMLYZE_WEBHOOK_MAX_CLOCK_SKEW_MS;
});

/** Every no-hit screening has these data: one captured body-only signature fits them all. */
const NO_HIT = JSON.stringify({ screeningMatch: false, matches: [] });

/** A binary-mode delivery of the no-hit body under forged attributes, with a signature captured elsewhere. */
function forgedClear(customerExtId: string, signature: string) {
  return postWebhook(NO_HIT, {
    "Content-Type": "application/json",
    "ce-specversion": "1.0",
    "ce-id": crypto.randomUUID(),
    "ce-source": "EC-forged",
    "ce-type": AMLYZE_EVENT_TYPES.sanctions,
    "ce-subject": customerExtId,
    "ce-time": "9999-12-31T23:59:59.999Z",
    "X-Amlyze-Signature": signature,
  });
}

async function sanctionsHit() {
  const { customerExtId, events } = customerEvents("SANCTIONED");
  for (const event of events) expect((await deliverSigned(SECRET, JSON.stringify(event))).status).toBe(200);
  expect(await viewOf(customerExtId)).toMatchObject({ state: "hit", sanctionsHit: true });
  return { customerExtId, events };
}

describe("a replayed signature under forged attributes", () => {
  it("a body-only signature in binary mode: 401, the view unchanged, nothing stored", async () => {
    const { customerExtId } = await sanctionsHit();
    const before = await viewOf(customerExtId);
    const response = await forgedClear(customerExtId, signWebhookBody(SECRET, NO_HIT));
    expect(response.status).toBe(401);
    expect(await errorOf(response)).toContain("binary mode");
    expect(await viewOf(customerExtId)).toEqual(before);
    expect(await storedEvents(customerExtId)).toHaveLength(9);
  });

  it("a signature over another customer's binary delivery: 401 under forged attributes, a mere duplicate unchanged", async () => {
    const { customerExtId } = await sanctionsHit();
    const other = customerEvents();
    const genuine = other.events.find((event) => event.type === AMLYZE_EVENT_TYPES.sanctions)!;
    const headers = {
      "Content-Type": "application/json",
      "ce-specversion": "1.0",
      "ce-id": genuine.id,
      "ce-source": genuine.source,
      "ce-type": genuine.type,
      "ce-subject": genuine.subject,
      "ce-time": genuine.time,
    };
    const captured = signWebhook(SECRET, new Headers(headers), NO_HIT);
    expect((await postWebhook(NO_HIT, { ...headers, "X-Amlyze-Signature": captured })).status).toBe(200);
    const before = await viewOf(customerExtId);
    expect((await forgedClear(customerExtId, captured)).status).toBe(401);
    const replay = await postWebhook(NO_HIT, { ...headers, "X-Amlyze-Signature": captured });
    expect(await replay.json()).toEqual({ stored: 0, duplicates: 1 });
    expect(await viewOf(customerExtId)).toEqual(before);
  });
});

describe("the event's clock", () => {
  it("a time more than the allowed skew in the future: 400 naming it, nothing stored", async () => {
    const { customerExtId, events } = customerEvents();
    const event = { ...events[4]!, time: "9999-12-31T23:59:59.999Z" };
    const response = await deliverSigned(SECRET, JSON.stringify(event));
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatch(/^time: more than 300 s ahead of this server's clock/);
    const soon = { ...events[5]!, time: new Date(Date.now() + 10 * 60_000).toISOString() };
    expect((await deliverSigned(SECRET, JSON.stringify(soon))).status).toBe(400);
    expect(await storedEvents(customerExtId)).toEqual([]);
  });

  it("the skew is configurable (AMLYZE_WEBHOOK_MAX_CLOCK_SKEW_MS), and a time within it is accepted", async () => {
    const { customerExtId, events } = customerEvents();
    const inTwoMinutes = { ...events[4]!, time: new Date(Date.now() + 2 * 60_000).toISOString() };
    expect((await deliverSigned(SECRET, JSON.stringify(inTwoMinutes))).status).toBe(200);
    process.env.AMLYZE_WEBHOOK_MAX_CLOCK_SKEW_MS = "60000";
    const again = { ...events[5]!, time: new Date(Date.now() + 2 * 60_000).toISOString() };
    const response = await deliverSigned(SECRET, JSON.stringify(again));
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatch(/^time: more than 60 s ahead/);
    expect(await storedEvents(customerExtId)).toHaveLength(1);
  });
});

describe("a genuine later result always wins", () => {
  it("hit → forged clear → genuine hit: the view shows the hit", async () => {
    const { customerExtId, events } = await sanctionsHit();
    await forgedClear(customerExtId, signWebhookBody(SECRET, NO_HIT));
    // AMLYZE screens the customer again: the same hit, as new events.
    const rescreen = events.map((event) => ({ ...event, id: crypto.randomUUID(), time: new Date().toISOString() }));
    for (const event of rescreen) expect((await deliverSigned(SECRET, JSON.stringify(event))).status).toBe(200);
    expect(await viewOf(customerExtId)).toMatchObject({ state: "hit", sanctionsHit: true, hasHit: true });
  });

  it("a result stamped a little ahead (within the skew) cannot outrank one received after it", async () => {
    const { customerExtId, events } = customerEvents("SANCTIONED");
    const sanctions = events.find((event) => event.type === AMLYZE_EVENT_TYPES.sanctions)!;
    const clearAhead = { ...sanctions, id: crypto.randomUUID(), time: new Date(Date.now() + 4 * 60_000).toISOString(), data: JSON.parse(NO_HIT) };
    expect((await deliverSigned(SECRET, JSON.stringify(clearAhead))).status).toBe(200);
    expect(await viewOf(customerExtId)).toMatchObject({ sanctionsHit: false });
    const hitAfter = { ...sanctions, id: crypto.randomUUID(), time: new Date(Date.now() + 60_000).toISOString() };
    expect((await deliverSigned(SECRET, JSON.stringify(hitAfter))).status).toBe(200);
    expect(await viewOf(customerExtId)).toMatchObject({ sanctionsHit: true, state: "hit" });
  });
});
