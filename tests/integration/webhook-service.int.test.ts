// The standalone webhook service answers exactly as the console's route (same handler), and its
// group commit keeps every delivery all-or-nothing on its own.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BATCH_CONTENT_TYPE } from "@/lib/aml/cloud-event";
import { createEventBatcher } from "@/lib/aml/event-batcher";
import { signWebhook, signWebhookBody } from "@/lib/aml/webhook-signing";
import { createWebhookServer, WEBHOOK_PATH } from "@/scripts/webhook-server";
import type { TCloudEvent } from "@/sandbox/amlyze/events";
import { prisma } from "./db";
import { openEvents } from "./pii-helpers";
import { customerEvents } from "./webhook-test-helpers";

const SECRET = "webhook-service-secret-41d2";
let server: Server;
let pool: pg.Pool;
let base: string;

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
  server = createWebhookServer({ db: prisma, events: createEventBatcher(pool, { lanes: 1 }) });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
beforeEach(() => {
  process.env.AMLYZE_WEBHOOK_SECRET = SECRET;
});
afterAll(async () => {
  delete process.env.AMLYZE_WEBHOOK_SECRET;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await pool.end();
});

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${WEBHOOK_PATH}`, {
    method: "POST",
    body,
    headers: { "content-type": "application/cloudevents+json", "x-amlyze-signature": signWebhookBody(SECRET, body), ...headers },
  });

const viewOf = (customerExtId: string) => prisma.amlCustomer.findUniqueOrThrow({ where: { customerExtId } });

describe("standalone webhook service", () => {
  it("stores signed events one per request, recognises duplicates, and builds the customer's view", async () => {
    const { customerExtId, events } = customerEvents("SANCTIONED");
    const responses = await Promise.all(events.map((event) => post(JSON.stringify(event))));
    expect(responses.map((r) => r.status)).toEqual(events.map(() => 200));
    expect(responses[0]!.headers.get("x-content-type-options")).toBe("nosniff");
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as Array<{ stored: number; duplicates: number }>;
    expect(bodies.every((b) => b.stored === 1 && b.duplicates === 0)).toBe(true);
    const again = await post(JSON.stringify(events[0]));
    expect(await again.json()).toEqual({ stored: 0, duplicates: 1 });
    expect(await viewOf(customerExtId)).toMatchObject({ state: "hit", sanctionsHit: true, eventCount: 9 });
  });

  it("takes batches and binary mode like the console's route", async () => {
    const { customerExtId, events } = customerEvents();
    const batch = await post(JSON.stringify(events.slice(0, 5)), { "content-type": BATCH_CONTENT_TYPE });
    expect(await batch.json()).toEqual({ stored: 5, duplicates: 0 });
    const event = events[5]!;
    const data = JSON.stringify(event.data);
    const attributes = {
      "content-type": "application/json",
      "ce-specversion": "1.0",
      "ce-id": event.id,
      "ce-source": event.source,
      "ce-type": event.type,
      "ce-subject": event.subject,
    };
    const binary = await post(data, { ...attributes, "x-amlyze-signature": signWebhook(SECRET, new Headers(attributes), data) });
    expect(await binary.json()).toEqual({ stored: 1, duplicates: 0 });
    expect((await viewOf(customerExtId)).eventCount).toBe(6);
    const [stored] = openEvents([await prisma.amlEvent.findUniqueOrThrow({ where: { eventId: event.id } })]);
    expect(stored!.rawBody).toBe(data);
    expect(stored!.rawHeaders).toMatchObject({ "ce-id": event.id, "content-type": "application/json" });
  });

  it("a poisoned delivery fails alone with 400 naming why; the deliveries arriving with it are kept", async () => {
    const { customerExtId, events } = customerEvents();
    // PostgreSQL cannot store \u0000: refused before it reaches the database, so it never fails the group commit.
    const poisoned: TCloudEvent = { ...events[0]!, id: `poison-${customerExtId}`, data: { note: "a\u0000b" } };
    const responses = await Promise.all([...events.slice(0, 4), poisoned, ...events.slice(4)].map((event) => post(JSON.stringify(event))));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 400, 200, 200, 200, 200, 200]);
    expect(await responses[4]!.json()).toEqual({ error: "data.note: must not contain the NUL character (\\u0000)" });
    expect(await prisma.amlEvent.count({ where: { customerExtId } })).toBe(9);
    expect((await viewOf(customerExtId)).eventCount).toBe(9);
  });

  it("refuses a bad signature (401), a body over the limit (413), a missing binary attribute (400), other routes and methods", async () => {
    const { events } = customerEvents();
    const body = JSON.stringify(events[0]);
    expect((await post(body, { "x-amlyze-signature": signWebhookBody("wrong-secret-000000", body) })).status).toBe(401);
    expect((await post(JSON.stringify({ ...events[0], data: "x".repeat(300_000) }))).status).toBe(413);
    const partial = { "content-type": "application/json", "ce-specversion": "1.0", "ce-id": "x", "ce-source": "y" };
    const missing = await post("{}", { ...partial, "x-amlyze-signature": signWebhook(SECRET, new Headers(partial), "{}") });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ error: "ce-type: required header missing (binary mode)" });
    expect((await fetch(`${base}${WEBHOOK_PATH}`)).status).toBe(405);
    expect((await fetch(`${base}/api/v1/enrollments`, { method: "POST" })).status).toBe(404);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
