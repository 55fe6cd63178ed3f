import { afterEach, describe, expect, it } from "vitest";
import { parseCloudEvents } from "@/lib/aml/cloud-event";
import { signWebhook, signWebhookBody } from "@/lib/aml/webhook-signing";
import { AMLYZE_DEMO_HITS, buildEvents, findDemoHit } from "./amlyze/events";
import type { TAmlyzeSubmission } from "./amlyze/validate";
import { createAmlyzeSandbox, type TAmlyzeSandbox, type TAmlyzeSandboxOptions } from "./amlyze-server";
import { AMLYZE_TOKEN, postJson, startReceiver, WEBHOOK_SECRET, type TJson } from "./test-helpers";

const PENDING = "app.amlyze.customer.riskmanagement.kyc_scoring.pending";
const COMPLETED = "app.amlyze.customer.riskmanagement.kyc_scoring.completed";

const request = (patch: TJson = {}): TJson => ({
  communicationNumber: "ComNr_9001",
  requester: "financial_institution",
  riskManagementCategory: "FAST",
  entityType: "INDIVIDUAL",
  customerExtId: "100001",
  firstName: "LUIS",
  lastName: "MARTINEZ",
  customerStatus: "ACTIVE",
  ...patch,
});

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(opts: Partial<TAmlyzeSandboxOptions> & { failFirst?: number } = {}) {
  const receiver = await startReceiver({ failFirst: opts.failFirst });
  cleanups.push(receiver.close);
  const sandbox: TAmlyzeSandbox = createAmlyzeSandbox({
    token: AMLYZE_TOKEN,
    webhookUrl: receiver.url,
    webhookSecret: WEBHOOK_SECRET,
    ...opts,
    delivery: { retryBaseMs: 10, ...opts.delivery },
  });
  cleanups.push(sandbox.close);
  const url = await sandbox.listen(0);
  const send = (body: TJson, signal?: AbortSignal) =>
    postJson(`${url}/amlyze-ws-rest/simplified-customer`, body, { Authorization: `Bearer ${AMLYZE_TOKEN}` }, signal);
  return { sandbox, url, receiver, send };
}

/** node's received headers as the verifier reads them. */
const receivedHeaders = (headers: Record<string, string | string[] | undefined>) =>
  new Headers(Object.entries(headers).flatMap(([name, value]) => (value === undefined ? [] : [[name, String(value)] as [string, string]])));

const types = (events: Array<{ json: TJson }>) => events.map((e) => e.json.type);
const byType = (events: Array<{ json: TJson }>, type: string) => events.find((e) => e.json.type === type)?.json;

describe("AMLYZE webhook delivery", () => {
  it("posts signed CloudEvents 1.0 in structured mode for an accepted customer", async () => {
    const { sandbox, receiver, send } = await start();
    expect((await send(request())).status).toBe(200);
    await sandbox.idle();
    expect(types(receiver.received)).toEqual([
      PENDING,
      "app.amlyze.customer.screening.sanctions.pending",
      "app.amlyze.customer.screening.pep.pending",
      "app.amlyze.customer.screening.adverse_media.pending",
      "app.amlyze.customer.screening.sanctions.completed",
      "app.amlyze.customer.screening.pep.completed",
      "app.amlyze.customer.screening.adverse_media.completed",
      COMPLETED,
      "com.amlyze.customer.updated",
    ]);
    for (const { headers, raw, json } of receiver.received) {
      expect(headers["x-amlyze-signature"]).toBe(signWebhook(WEBHOOK_SECRET, receivedHeaders(headers), raw));
      expect(headers["content-type"]).toBe("application/cloudevents+json");
      expect(json).toMatchObject({ specversion: "1.0", source: "ComNr_9001", subject: "100001", datacontenttype: "application/json" });
      expect(Number.isNaN(Date.parse(String(json.time)))).toBe(false);
    }
    expect(new Set(receiver.received.map((e) => e.json.id)).size).toBe(9);
    expect(byType(receiver.received, "app.amlyze.customer.screening.pep.pending")?.data).toEqual({ screeningMatch: null, matches: [] });
    expect(byType(receiver.received, COMPLETED)?.data).toEqual({ initialRiskLevel: "LOW", finalRiskLevel: "LOW", decisionType: "ACCEPTED", decisionGroundCode: "NO_MATCH" });
    expect(byType(receiver.received, "com.amlyze.customer.updated")?.data).toEqual({
      riskLevel: "LOW", status: "ACTIVE", sanctioned: false, pep: false, inAdverseMedia: false, inInternalList: false,
    });
    expect(sandbox.submissions()[0]?.eventIds).toEqual(receiver.received.map((e) => e.json.id));
  });

  it("a wrong secret does not verify (the signature covers the exact body)", async () => {
    const { sandbox, receiver, send } = await start();
    await send(request());
    await sandbox.idle();
    const first = receiver.received[0]!;
    expect(first.headers["x-amlyze-signature"]).not.toBe(signWebhook("other-secret", receivedHeaders(first.headers), first.raw));
  });

  it("reports a sanctions hit as EXTREME / REJECTED", async () => {
    const { sandbox, receiver, send } = await start();
    await send(request({ firstName: "Vladimir", lastName: "Putinov" }));
    await sandbox.idle();
    expect(byType(receiver.received, "app.amlyze.customer.screening.sanctions.completed")?.data).toEqual({
      screeningMatch: true,
      matches: [{ listName: "SANDBOX-SANCTIONS", matchedName: "Vladimir Putinov", score: 0.97 }],
    });
    expect(byType(receiver.received, COMPLETED)?.data).toMatchObject({ finalRiskLevel: "EXTREME", decisionType: "REJECTED" });
    expect(byType(receiver.received, "com.amlyze.customer.updated")?.data).toMatchObject({ status: "REJECTED", sanctioned: true });
  });

  it("delivers completed before pending when outOfOrder is set", async () => {
    const { sandbox, receiver, send } = await start({ delivery: { outOfOrder: true } });
    await send(request());
    await sandbox.idle();
    const order = types(receiver.received);
    expect(order).toHaveLength(9);
    expect(order.indexOf(COMPLETED)).toBeLessThan(order.indexOf(PENDING));
    expect(order[0]).toBe("com.amlyze.customer.updated");
  });

  it("retries a failing receiver with backoff and logs every attempt", async () => {
    const { sandbox, receiver, send } = await start({ failFirst: 2 });
    await send(request());
    await sandbox.idle();
    expect(receiver.received).toHaveLength(9);
    const first = sandbox.deliveries().filter((d) => d.type === PENDING);
    expect(first.map((d) => [d.attempt, d.status, d.outcome])).toEqual([
      [1, 500, "retrying"],
      [2, 500, "retrying"],
      [3, 204, "delivered"],
    ]);
  });

  it("gives up after maxAttempts and still sends the later events", async () => {
    const { sandbox, receiver, send } = await start({ failFirst: 2, delivery: { maxAttempts: 2 } });
    await send(request());
    await sandbox.idle();
    expect(sandbox.deliveries().filter((d) => d.type === PENDING).map((d) => d.outcome)).toEqual(["retrying", "gave_up"]);
    expect(types(receiver.received)).not.toContain(PENDING);
    expect(receiver.received).toHaveLength(8);
  });

  it("records a receiver that never answers as timed out, and an unreachable one as a network error", async () => {
    const hanging = await startReceiver({ hang: true });
    cleanups.push(hanging.close);
    const { sandbox, send } = await start({ webhookUrl: hanging.url, delivery: { maxAttempts: 1, attemptTimeoutMs: 100 } });
    await send(request());
    await sandbox.idle();
    expect(sandbox.deliveries()).toHaveLength(9);
    expect(sandbox.deliveries()[0]).toMatchObject({ attempt: 1, status: null, error: "webhook attempt timed out", outcome: "gave_up" });

    const closed = await startReceiver();
    await closed.close();
    const unreachable = await start({ webhookUrl: closed.url, delivery: { maxAttempts: 1 } });
    await unreachable.send(request());
    await unreachable.sandbox.idle();
    expect(unreachable.sandbox.deliveries()[0]).toMatchObject({ status: null, outcome: "gave_up", error: expect.stringMatching(/ECONNREFUSED/) });
  });

  it("can deliver everything before answering 200", async () => {
    const { receiver, send } = await start({ delivery: { beforeResponse: true } });
    const res = await send(request());
    expect(res.status).toBe(200);
    expect(receiver.received).toHaveLength(9);
  });

  it("still delivers when the 200 itself was lost (timeout after processing)", async () => {
    const { sandbox, receiver, send } = await start({ fault: { kind: "timeout", afterProcessing: true } });
    await expect(send(request(), AbortSignal.timeout(300))).rejects.toMatchObject({ name: "TimeoutError" });
    await sandbox.idle();
    expect(receiver.received).toHaveLength(9);
  });

  it("without screening pending events, six; with duplicates, each event twice under the same id", async () => {
    const plain = await start({ delivery: { screeningPending: false } });
    await plain.send(request());
    await plain.sandbox.idle();
    expect(plain.receiver.received).toHaveLength(6);
    const doubled = await start({ delivery: { duplicates: true } });
    await doubled.send(request());
    await doubled.sandbox.idle();
    const ids = doubled.receiver.received.map((e) => e.json.id);
    expect(ids).toHaveLength(18);
    expect(new Set(ids).size).toBe(9);
    expect(ids[0]).toBe(ids[1]);
  });

  it("sends nothing for a rejected request", async () => {
    const { sandbox, receiver, send } = await start();
    expect((await send(request({ customerExtId: undefined }))).status).toBe(400);
    await sandbox.idle();
    expect(receiver.received).toHaveLength(0);
  });

  it("stops queued deliveries on close", async () => {
    const { sandbox, receiver, send } = await start({ delivery: { delayMs: 60_000 } });
    await send(request());
    const started = Date.now();
    await sandbox.close();
    await sandbox.idle();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(receiver.received).toHaveLength(0);
  });
});

describe("AMLYZE demo screening", () => {
  const sub = (firstName: string, lastName: string): TAmlyzeSubmission => ({
    communicationNumber: "c", requester: "r", riskManagementCategory: "FAST", entityType: "INDIVIDUAL",
    customerExtId: "1", firstName, lastName, customerStatus: "ACTIVE",
  });
  const completed = (s: TAmlyzeSubmission) => buildEvents(s).find((e) => e.type === COMPLETED)?.data;

  it("documents the hit names", () => {
    expect(AMLYZE_DEMO_HITS.map((h) => [h.firstName ?? "*", h.lastName, h.screening])).toEqual([
      ["*", "SANCTIONED", "sanctions"],
      ["VLADIMIR", "PUTINOV", "sanctions"],
      ["*", "POLITICO", "pep"],
      ["*", "ADVERSO", "adverse_media"],
    ]);
  });

  it.each([
    ["ANA", "SANCTIONED", "EXTREME", "REJECTED"],
    ["vladimir", " putinov ", "EXTREME", "REJECTED"],
    ["ANA", "POLITICO", "HIGH", "ACCEPTED"],
    ["ANA", "ADVERSO", "MEDIUM", "ACCEPTED"],
    ["IVAN", "PUTINOV", "LOW", "ACCEPTED"],
    ["LUIS", "MARTINEZ", "LOW", "ACCEPTED"],
  ])("%s %s → %s %s", (first, last, level, decision) => {
    expect(completed(sub(first, last))).toMatchObject({ finalRiskLevel: level, decisionType: decision });
  });

  it("flags PEP on the pep screening and the customer update", () => {
    const events = buildEvents(sub("ANA", "POLITICO"));
    expect(events.find((e) => e.type.endsWith("screening.pep.completed"))?.data.screeningMatch).toBe(true);
    expect(events.find((e) => e.type.endsWith("screening.sanctions.completed"))?.data.screeningMatch).toBe(false);
    expect(events.find((e) => e.type === "com.amlyze.customer.updated")?.data).toMatchObject({ riskLevel: "HIGH", pep: true, sanctioned: false });
    expect(findDemoHit("ANA", "MARTINEZ")).toBeUndefined();
  });

  it("keeps event time in logical order even when delivery is reversed", () => {
    const events = buildEvents(sub("ANA", "B"), { outOfOrder: true, now: new Date("2025-01-01T00:00:00Z") });
    expect(events[0]?.time).toBe("2025-01-01T00:00:00.008Z");
    expect(events.at(-1)?.time).toBe("2025-01-01T00:00:00.000Z");
  });
});

describe("AMLYZE webhook delivery in binary mode", () => {
  it("sends the attributes as ce-* headers and the data as the body, which the console parses back to the same event", async () => {
    const { sandbox, receiver, send } = await start({ delivery: { mode: "binary" } });
    expect((await send(request({ firstName: "JOSÉ" }))).status).toBe(200);
    await sandbox.idle();
    const events = buildEvents(request({ firstName: "JOSÉ" }) as unknown as TAmlyzeSubmission);
    expect(receiver.received).toHaveLength(events.length);
    const first = receiver.received[0]!;
    expect(first.headers["content-type"]).toBe("application/json");
    expect(first.headers["ce-specversion"]).toBe("1.0");
    // The signature covers the attribute headers too, not only the body (lib/aml/webhook-signing.ts).
    expect(first.headers["x-amlyze-signature"]).toBe(signWebhook(WEBHOOK_SECRET, receivedHeaders(first.headers), first.raw));
    expect(first.headers["x-amlyze-signature"]).not.toBe(signWebhookBody(WEBHOOK_SECRET, first.raw));
    for (const delivery of receiver.received) {
      const headers = new Headers(Object.entries(delivery.headers).map(([name, value]) => [name, String(value)] as [string, string]));
      const parsed = parseCloudEvents(Buffer.from(delivery.raw), headers, { now: new Date(), maxClockSkewMs: 300_000 });
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      const event = parsed.events[0]!;
      expect(event.type).toBe(delivery.headers["ce-type"]);
      expect(event.data).toEqual(delivery.json);
    }
  });
});
