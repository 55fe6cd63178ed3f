// What the official CloudEvents SDK for JavaScript (`cloudevents`) emits is accepted: structured,
// binary and batch, each signed over the signing string (lib/aml/webhook-signing.ts) exactly as
// the SDK's message stands, headers and body untouched.
import { CloudEvent, CONSTANTS, HTTP, type Message } from "cloudevents";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { signWebhook } from "@/lib/aml/webhook-signing";
import type { TCloudEvent } from "@/sandbox/amlyze/events";
import { customerEvents, postWebhook, storedEvents, viewOf } from "./webhook-test-helpers";

const SECRET = "webhook-sdk-secret-2c71";

beforeEach(() => {
  process.env.AMLYZE_WEBHOOK_SECRET = SECRET;
  delete process.env.AMLYZE_WEBHOOK_AUTH;
});
afterAll(() => {
  delete process.env.AMLYZE_WEBHOOK_SECRET;
});

/** The sandbox's event rebuilt by the SDK (which fills in nothing we did not give it). */
const sdkEvent = (event: TCloudEvent) =>
  new CloudEvent({ id: event.id, source: event.source, type: event.type, subject: event.subject, time: event.time, datacontenttype: "application/json", data: event.data });

/** The SDK's message as sent: its own headers and body, plus our signature over them. */
function post(message: Message) {
  const headers = Object.fromEntries(Object.entries(message.headers).map(([name, value]) => [name, String(value)]));
  const body = String(message.body);
  return postWebhook(body, { ...headers, "X-Amlyze-Signature": signWebhook(SECRET, new Headers(headers), body) });
}

describe("events emitted by the CloudEvents SDK", () => {
  it("structured, binary and batch are all stored and build the view", async () => {
    const { customerExtId, events } = customerEvents("POLITICO");
    const [first, second, ...rest] = events.map(sdkEvent);

    const structured = HTTP.structured(first!);
    expect(structured.headers["content-type"]).toBe(CONSTANTS.DEFAULT_CE_CONTENT_TYPE);
    expect(await (await post(structured)).json()).toEqual({ stored: 1, duplicates: 0 });

    const binary = HTTP.binary(second!);
    expect(binary.headers["ce-id"]).toBe(second!.id);
    expect(await (await post(binary)).json()).toEqual({ stored: 1, duplicates: 0 });

    // The SDK reads a batch (HTTP.toEvent) but has no serializer for one: its events in a JSON array.
    const batch: Message = { headers: { "content-type": CONSTANTS.MIME_CE_BATCH }, body: JSON.stringify(rest) };
    expect(HTTP.toEvent(batch)).toHaveLength(rest.length);
    expect(await (await post(batch)).json()).toEqual({ stored: rest.length, duplicates: 0 });

    expect(await storedEvents(customerExtId)).toHaveLength(events.length);
    expect(await viewOf(customerExtId)).toMatchObject({ state: "hit", pepHit: true, eventCount: events.length });
  });

  it("a binary event whose headers were changed after signing: 401", async () => {
    const { customerExtId, events } = customerEvents();
    const binary = HTTP.binary(sdkEvent(events[0]!));
    const headers = Object.fromEntries(Object.entries(binary.headers).map(([name, value]) => [name, String(value)]));
    const body = String(binary.body);
    const signature = signWebhook(SECRET, new Headers(headers), body);
    const response = await postWebhook(body, { ...headers, "ce-subject": "100000001", "X-Amlyze-Signature": signature });
    expect(response.status).toBe(401);
    expect(await storedEvents(customerExtId)).toEqual([]);
  });
});
