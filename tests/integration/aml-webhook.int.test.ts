// POST /api/v1/amlyze/events against real PostgreSQL: idempotency, any order, events before our
// own 200 and for customers not known yet, signature failures, malformed bodies; nothing partial.
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/v1/amlyze/events/route";
import { BATCH_CONTENT_TYPE } from "@/lib/aml/cloud-event";
import { createAmlSubmission } from "@/lib/aml/create-submission";
import { runAmlSubmissions } from "@/lib/aml/submit";
import { signWebhook, signWebhookBody } from "@/lib/aml/webhook-signing";
import { forgetWebhookSecret } from "@/lib/aml/webhook-settings";
import { saveIntegrationSettings } from "@/lib/settings/save-integration-settings";
import { buildEvents, type TCloudEvent } from "@/sandbox/amlyze/events";
import { prisma } from "./db";
import { openEvents } from "./pii-helpers";
import { amlDeps, loadSubmissions, pushedEnrollment, startAmlyze } from "./aml-helpers";
import { AML_MESSAGE, ensureProductCodes, intakeFixture, removeJobs, startCore, type TCoreHarness } from "./push-helpers";

const logged = vi.hoisted(() => [] as Array<{ level: string; fields: Record<string, unknown>; message: string }>);
vi.mock("@/lib/logger", () => {
  const make = (): unknown => ({
    debug: () => undefined,
    info: () => undefined,
    warn: (fields: Record<string, unknown>, message: string) => void logged.push({ level: "warn", fields, message }),
    error: (fields: Record<string, unknown> | string, message?: string) =>
      void logged.push({ level: "error", fields: typeof fields === "string" ? {} : fields, message: message ?? String(fields) }),
    child: () => make(),
  });
  return { logger: make() };
});

const SECRET = "webhook-test-secret-0c9a";
const URL = "http://console.test/api/v1/amlyze/events";

let lockPool: pg.Pool;
let core: TCoreHarness;
const created: string[] = [];

beforeAll(async () => {
  lockPool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
  await ensureProductCodes();
  core = await startCore();
});
beforeEach(() => {
  process.env.AMLYZE_WEBHOOK_SECRET = SECRET;
  delete process.env.AMLYZE_WEBHOOK_AUTH;
  logged.length = 0;
});
afterEach(async () => {
  await removeJobs(created.splice(0));
});
afterAll(async () => {
  delete process.env.AMLYZE_WEBHOOK_SECRET;
  await core.stop();
  await lockPool.end();
});

function deliver(body: string, headers: Record<string, string> = {}) {
  return POST(
    new Request(URL, {
      method: "POST",
      headers: { "Content-Type": "application/cloudevents+json", "X-Amlyze-Signature": signWebhookBody(SECRET, body), ...headers },
      body,
    }),
  );
}

const deliverEvent = (event: TCloudEvent) => deliver(JSON.stringify(event));

async function submitted(lastName = "MARTINEZ") {
  const id = await pushedEnrollment(core, lockPool, (body) => {
    (body.client_info as Record<string, unknown>).last_name = lastName;
  });
  created.push(id);
  const [submission] = await loadSubmissions(id);
  const events = buildEvents({
    communicationNumber: submission!.communicationNumber,
    requester: "financial_institution",
    riskManagementCategory: "FAST",
    entityType: "INDIVIDUAL",
    customerExtId: submission!.customerExtId,
    firstName: "LUIS ALEJANDRO",
    lastName,
    customerStatus: "ACTIVE",
  });
  return { id, submission: submission!, events };
}

const viewOf = (customerExtId: string) => prisma.amlCustomer.findUniqueOrThrow({ where: { customerExtId } });
/** The stored events, raw body and data opened (they are stored sealed). */
const storedEvents = async (customerExtId: string) => openEvents(await prisma.amlEvent.findMany({ where: { customerExtId }, orderBy: { receivedAt: "asc" } }));

describe("idempotent by event id", () => {
  it("the same event twice: stored once, applied once", async () => {
    const { submission, events } = await submitted();
    const first = await deliverEvent(events[1]!);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ stored: 1, duplicates: 0 });
    const again = await deliverEvent(events[1]!);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ stored: 0, duplicates: 1 });
    expect(await storedEvents(submission.customerExtId)).toHaveLength(1);
    expect((await viewOf(submission.customerExtId)).eventCount).toBe(1);
  });

  it("five concurrent deliveries of one event: one row, one effect", async () => {
    const { submission, events } = await submitted();
    const responses = await Promise.all(Array.from({ length: 5 }, () => deliverEvent(events[4]!)));
    const bodies = await Promise.all(responses.map((r) => r.json() as Promise<{ stored: number }>));
    expect(bodies.reduce((sum, b) => sum + b.stored, 0)).toBe(1);
    expect(await storedEvents(submission.customerExtId)).toHaveLength(1);
    expect((await viewOf(submission.customerExtId)).eventCount).toBe(1);
  });

  it("the raw body is stored exactly as received", async () => {
    const { submission, events } = await submitted();
    const raw = `{ "specversion": "1.0",\n  "id": "${events[0]!.id}", "source": "${events[0]!.source}", "subject": "${submission.customerExtId}", "type": "${events[0]!.type}", "data": {"initialRiskLevel": "LOW"} }`;
    expect((await deliver(raw)).status).toBe(200);
    const [stored] = await storedEvents(submission.customerExtId);
    expect(stored!.rawBody).toBe(raw);
    expect(stored!.time).toBeNull();
  });
});

describe("any order", () => {
  it("completed before pending: the final state is completed", async () => {
    const { id, submission, events } = await submitted();
    for (const event of [...events].reverse()) expect((await deliverEvent(event)).status).toBe(200);
    const view = await viewOf(submission.customerExtId);
    expect(view).toMatchObject({ state: "completed", riskLevel: "LOW", finalRiskLevel: "LOW", decisionType: "ACCEPTED", hasHit: false, eventCount: 9, enrollmentId: id });
    expect((view.kyc as { state: string }).state).toBe("completed");
    expect((await prisma.enrollment.findUniqueOrThrow({ where: { id } })).amlStatus).toBe("completed");
  });

  it("a sanctions hit, delivered as one batch in shuffled order, before our own 200 arrived", async () => {
    const { id, submission, events } = await submitted("SANCTIONED");
    const shuffled = [7, 0, 8, 2, 5, 1, 3, 6, 4].map((i) => events[i]);
    const body = JSON.stringify(shuffled);
    const response = await deliver(body, { "Content-Type": BATCH_CONTENT_TYPE });
    expect(await response.json()).toEqual({ stored: 9, duplicates: 0 });
    // Our submission is still queued: AMLYZE was faster than its own answer.
    expect((await loadSubmissions(id))[0]!.status).toBe("queued");
    expect(await viewOf(submission.customerExtId)).toMatchObject({
      state: "hit",
      sanctionsHit: true,
      pepHit: false,
      hasHit: true,
      riskLevel: "EXTREME",
      riskRank: 4,
      priority: 2,
      decisionType: "REJECTED",
      decisionGroundCode: "SANCTIONS_MATCH",
    });
    // The 200 arrives: the submission is accepted, and the results stay.
    const amlyze = await startAmlyze();
    try {
      await runAmlSubmissions(amlDeps(amlyze, lockPool), id);
    } finally {
      await amlyze.stop();
    }
    expect(await viewOf(submission.customerExtId)).toMatchObject({ state: "hit", submissionStatus: "accepted" });
  });

  it("unknown event types are stored and counted, and change nothing else", async () => {
    const { submission, events } = await submitted();
    const unknown = { ...events[0]!, id: crypto.randomUUID(), type: "com.amlyze.case.opened", data: { caseId: "C-1" } };
    expect((await deliverEvent(unknown)).status).toBe(200);
    const view = await viewOf(submission.customerExtId);
    expect(view).toMatchObject({ state: "pending", eventCount: 1, unknownEventCount: 1 });
    expect((await storedEvents(submission.customerExtId)).map((e) => e.type)).toEqual(["com.amlyze.case.opened"]);
  });

  it("events for a customer not known yet are stored, then linked when the customer appears", async () => {
    const customerExtId = String(900_000_000 + Math.floor(Math.random() * 99_999_999));
    const events = buildEvents({
      communicationNumber: "EC-foreign",
      requester: "financial_institution",
      riskManagementCategory: "FAST",
      entityType: "INDIVIDUAL",
      customerExtId,
      firstName: "ANA",
      lastName: "POLITICO",
      customerStatus: "ACTIVE",
    });
    for (const event of events) await deliverEvent(event);
    expect(await storedEvents(customerExtId)).toHaveLength(9);
    expect((await storedEvents(customerExtId)).every((e) => e.enrollmentId === null)).toBe(true);
    expect(await viewOf(customerExtId)).toMatchObject({ enrollmentId: null, state: "hit", pepHit: true });

    const id = await intakeFixture(1);
    created.push(id);
    await prisma.$transaction((tx) =>
      createAmlSubmission(tx, { enrollmentId: id, pushSeq: 1, customerNumber: Number(customerExtId), coreBody: { client_info: { first_name: "ANA", last_name: "POLITICO" } }, settings: AML_MESSAGE, triggeredById: null }),
    );
    expect((await storedEvents(customerExtId)).every((e) => e.enrollmentId === id)).toBe(true);
    expect(await viewOf(customerExtId)).toMatchObject({ enrollmentId: id, state: "hit", submissionStatus: "queued" });
  });
});

describe("binary mode (attributes in ce-* headers, the body is the data)", () => {
  /** A binary-mode delivery signed over its attribute headers and body (lib/aml/webhook-signing.ts). */
  const deliverBinary = (body: string, headers: Record<string, string>) =>
    deliver(body, { ...headers, "X-Amlyze-Signature": signWebhook(SECRET, new Headers(headers), body) });
  const binary = (event: TCloudEvent, headers: Record<string, string> = {}) =>
    deliverBinary(JSON.stringify(event.data), {
      "Content-Type": "application/json",
      "ce-specversion": "1.0",
      "ce-id": event.id,
      "ce-source": event.source,
      "ce-type": event.type,
      "ce-subject": event.subject,
      "ce-time": event.time,
      ...headers,
    });

  it("stored and applied like a structured event, idempotent by ce-id, and kept raw enough to rebuild it", async () => {
    const { id, submission, events } = await submitted("POLITICO");
    for (const event of events) expect((await binary(event)).status).toBe(200);
    const again = await binary(events[3]!);
    expect(await again.json()).toEqual({ stored: 0, duplicates: 1 });
    expect(await viewOf(submission.customerExtId)).toMatchObject({ state: "hit", pepHit: true, eventCount: 9, enrollmentId: id });

    const stored = (await storedEvents(submission.customerExtId)).find((e) => e.eventId === events[3]!.id)!;
    expect(stored.rawBody).toBe(JSON.stringify(events[3]!.data));
    const headers = stored.rawHeaders as Record<string, string>;
    expect(headers).toEqual({
      "content-type": "application/json",
      "ce-specversion": "1.0",
      "ce-id": events[3]!.id,
      "ce-source": events[3]!.source,
      "ce-type": events[3]!.type,
      "ce-subject": events[3]!.subject,
      "ce-time": events[3]!.time,
    });
    // The HTTP binding's mapping back: attributes from the headers, datacontenttype from Content-Type.
    const rebuilt = {
      ...Object.fromEntries(Object.entries(headers).flatMap(([name, value]) => (name.startsWith("ce-") ? [[name.slice(3), decodeURIComponent(value)]] : []))),
      datacontenttype: headers["content-type"],
      data: JSON.parse(stored.rawBody),
    };
    expect(rebuilt).toEqual(events[3]);
  });

  it("a missing attribute: 400 naming its header, nothing stored", async () => {
    const { submission, events } = await submitted();
    const response = await binary(events[0]!, { "ce-type": "" });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe("ce-type: must not be empty");
    const headers = { "Content-Type": "application/json", "ce-id": events[0]!.id, "ce-source": events[0]!.source };
    const body = JSON.stringify(events[0]!.data);
    const missing = await deliverBinary(body, headers);
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: string }).error).toBe("ce-specversion: required header missing (binary mode); ce-type: required header missing (binary mode)");
    expect(await storedEvents(submission.customerExtId)).toEqual([]);
  });

  it("authenticated by the signature of its attribute headers and body; a body-only signature is refused", async () => {
    const { submission, events } = await submitted();
    const body = JSON.stringify(events[0]!.data);
    const headers = { "Content-Type": "application/json", "ce-specversion": "1.0", "ce-id": events[0]!.id, "ce-source": events[0]!.source, "ce-type": events[0]!.type };
    const wrongSecret = await deliver(body, { ...headers, "X-Amlyze-Signature": signWebhook("not-the-secret", new Headers(headers), body) });
    expect(wrongSecret.status).toBe(401);
    const bodyOnly = await deliver(body, { ...headers, "X-Amlyze-Signature": signWebhookBody(SECRET, body) });
    expect(bodyOnly.status).toBe(401);
    expect(await bodyOnly.json()).toEqual({ error: expect.stringContaining("binary mode: X-Amlyze-Signature must cover the ce-* attribute headers") });
    expect(logged.filter((l) => l.level === "warn").map((l) => l.fields.reason)).toEqual(["mismatch", "unsigned_attributes"]);
    expect(await storedEvents(submission.customerExtId)).toEqual([]);
  });
});

describe("authentication", () => {
  it("a wrong, missing or malformed signature, or a body changed after signing: 401, nothing stored, a warning logged", async () => {
    const { submission, events } = await submitted();
    const body = JSON.stringify(events[1]);
    const attempts: Array<Record<string, string>> = [
      { "X-Amlyze-Signature": signWebhookBody("not-the-secret", body) },
      { "X-Amlyze-Signature": "" },
      { "X-Amlyze-Signature": "md5=abc" },
      { "X-Amlyze-Signature": signWebhookBody(SECRET, body.replace("true", "false").replace("false", "true") + " ") },
    ];
    for (const headers of attempts) {
      const response = await deliver(body, headers);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: "invalid or missing X-Amlyze-Signature" });
    }
    expect(await storedEvents(submission.customerExtId)).toEqual([]);
    expect(logged.filter((l) => l.level === "warn").map((l) => l.fields.reason)).toEqual(["mismatch", "missing", "malformed", "mismatch"]);
    expect(JSON.stringify(logged)).not.toContain(SECRET);
    expect(JSON.stringify(logged)).not.toContain(submission.communicationNumber);
  });

  it("shared-secret mode: Authorization: Bearer <secret>", async () => {
    process.env.AMLYZE_WEBHOOK_AUTH = "bearer";
    const { submission, events } = await submitted();
    const body = JSON.stringify(events[1]);
    expect((await deliver(body, { Authorization: "Bearer wrong" })).status).toBe(401);
    expect((await deliver(body, { Authorization: `Bearer ${SECRET}` })).status).toBe(200);
    expect(await storedEvents(submission.customerExtId)).toHaveLength(1);
  });

  it("a secret stored in Admin → Integrations is accepted; AMLYZE_WEBHOOK_SECRET wins when both are set", async () => {
    const STORED = "stored-webhook-secret-77a1";
    const setting = { integration: "amlyze" as const, clear: [], actor: { id: null, label: "webhook-test" }, env: {} };
    await saveIntegrationSettings(prisma, { ...setting, values: { webhookSecret: STORED } });
    try {
      delete process.env.AMLYZE_WEBHOOK_SECRET;
      forgetWebhookSecret();
      const { submission, events } = await submitted();
      const body = JSON.stringify(events[1]);
      expect((await deliver(body, { "X-Amlyze-Signature": signWebhookBody(STORED, body) })).status).toBe(200);
      expect((await deliver(body)).status).toBe(401);
      expect(await storedEvents(submission.customerExtId)).toHaveLength(1);

      process.env.AMLYZE_WEBHOOK_SECRET = SECRET;
      const next = JSON.stringify(events[2]);
      expect((await deliver(next, { "X-Amlyze-Signature": signWebhookBody(STORED, next) })).status).toBe(401);
      expect((await deliver(next)).status).toBe(200);
    } finally {
      await saveIntegrationSettings(prisma, { ...setting, values: {}, clear: ["webhookSecret"] });
      forgetWebhookSecret();
    }
  });

  it("the stored secret is read again after a few seconds, not on every delivery", async () => {
    delete process.env.AMLYZE_WEBHOOK_SECRET;
    forgetWebhookSecret();
    const reads = vi.spyOn(prisma.integrationSetting, "findMany");
    try {
      for (let i = 0; i < 5; i += 1) expect((await deliver("{}")).status).toBe(503);
      expect(reads).toHaveBeenCalledTimes(1);
    } finally {
      reads.mockRestore();
    }
  });

  it("no secret configured: every delivery is refused with 503", async () => {
    delete process.env.AMLYZE_WEBHOOK_SECRET;
    const response = await deliver("{}");
    expect(response.status).toBe(503);
  });
});

describe("malformed deliveries: 400 naming the problem, nothing stored", () => {
  it.each([
    ["not JSON", "{ nope", "body is not valid JSON"],
    ["an array without the batch content type", "[]", "body must be one CloudEvent"],
    ["no id", JSON.stringify({ specversion: "1.0", source: "x", type: "t" }), "id: required (a string)"],
    ["wrong specversion", JSON.stringify({ specversion: "0.3", id: "a", source: "x", type: "t" }), 'specversion: must be "1.0"'],
    ["a bad time", JSON.stringify({ specversion: "1.0", id: "a", source: "x", type: "t", time: "yesterday" }), "time: must be an RFC 3339 timestamp"],
  ])("%s", async (_name, body, message) => {
    const response = await deliver(body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toContain(message);
  });

  it("a bad event in a batch is refused alone: 400 naming it, the others stored", async () => {
    const { submission, events } = await submitted();
    const batch = [events[0], { ...events[1], specversion: "2.0" }, events[2]];
    const response = await deliver(JSON.stringify(batch), { "Content-Type": BATCH_CONTENT_TYPE });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: '[1].specversion: must be "1.0" (CloudEvents 1.0)', stored: 2, duplicates: 0 });
    expect((await storedEvents(submission.customerExtId)).map((e) => e.eventId).sort()).toEqual([events[0]!.id, events[2]!.id].sort());
  });

  it("a batch of bad events only: 400 naming each, nothing stored", async () => {
    const { submission, events } = await submitted();
    const batch = [{ ...events[0], id: "" }, { ...events[1], specversion: "2.0" }];
    const response = await deliver(JSON.stringify(batch), { "Content-Type": BATCH_CONTENT_TYPE });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: '[0].id: must not be empty; [1].specversion: must be "1.0" (CloudEvents 1.0)' });
    expect(await storedEvents(submission.customerExtId)).toEqual([]);
  });

  it("a body over the limit is refused with 413 before it is read in full", async () => {
    const response = await deliver(JSON.stringify({ specversion: "1.0", id: "big", source: "x", type: "t", data: "x".repeat(300_000) }));
    expect(response.status).toBe(413);
  });

  it("a content type that is not JSON: 415", async () => {
    const response = await deliver("a=b", { "Content-Type": "application/x-www-form-urlencoded" });
    expect(response.status).toBe(415);
  });
});
