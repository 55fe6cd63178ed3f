// Notifications against real PostgreSQL: each kind is born in its source's transaction (assigned,
// mentioned, push failed / needs reconciliation, four-eyes, AML hit, SLA breach), once however
// often the source runs, never to the actor; listeners are woken at commit and not at rollback;
// a reader lists and marks only their own.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createAmlSubmission } from "@/lib/aml/create-submission";
import { ingestEvents } from "@/lib/aml/ingest-events";
import type { TCurrentUser } from "@/lib/auth/current-user";
import { assignEnrollments, claimEnrollments } from "@/lib/desk/ownership";
import { scopeOf } from "@/lib/desk/scope";
import { addNote } from "@/lib/notes/notes";
import { notifySlaBreach } from "@/lib/notifications/events";
import { listNotifications } from "@/lib/notifications/inbox";
import { NOTIFICATION_CHANNEL, notify } from "@/lib/notifications/notify";
import { requestPush } from "@/lib/push/request-push";
import { settleEnrollment } from "@/lib/push/settle";
import { buildEvents } from "@/sandbox/amlyze/events";
import { prisma, uniqueCode } from "./db";
import { deskUser, enrollmentOf, uniqueBranch } from "./desk-helpers";
import { loadOpenedEnrollment } from "./pii-helpers";
import { runPush } from "@/lib/push/pipeline";
import type { TCoreFaults } from "@/sandbox/core-server";
import { AML_MESSAGE, ensureProductCodes, intakeFixture, product, pushDatabase, pushDeps, removeJobs, startCore, usePushDatabase, type TCoreHarness } from "./push-helpers";

const state = vi.hoisted(() => ({ user: null as TCurrentUser | null }));
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => state.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("@/lib/actions/client-ip", () => ({ clientIp: async () => "127.0.0.1" }));

const listRoute = await import("@/app/api/notifications/route");
const { markNotificationsRead } = await import("@/lib/notifications/actions/mark-notifications-read");

// six characters: the longest branch code an enrollment may carry and still be valid (four-eyes needs a valid one)
const BRANCH = uniqueBranch().slice(0, 6);
const OTHER_BRANCH = uniqueBranch();
let lead: TCurrentUser;
let olga: TCurrentUser;
let oscar: TCurrentUser;
let stranger: TCurrentUser;
let compliance: TCurrentUser;
let listener: pg.Client;
const woken: string[] = [];
const enrollmentIds: string[] = [];

const inbox = (user: { id: string }) => prisma.notification.findMany({ where: { recipientId: user.id }, orderBy: { createdAt: "asc" } });
const desk = (user: TCurrentUser) => ({ actor: { id: user.id, label: user.username }, role: user.role, scope: scopeOf(user), deskLead: user.deskLead });
async function enrollment(branch = BRANCH) {
  const created = await enrollmentOf(branch);
  enrollmentIds.push(created.id);
  return created;
}
/** Waits until a wake-up naming `userId` arrived (or fails after 2 s: the latency the bell promises). */
async function wokenFor(userId: string): Promise<void> {
  const deadline = Date.now() + 2_000;
  while (!woken.some((payload) => payload.split(",").includes(userId))) {
    if (Date.now() > deadline) throw new Error(`no wake-up for ${userId}: ${JSON.stringify(woken)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  lead = await deskUser({ branches: [BRANCH], deskLead: true, name: "Lea Lead" });
  olga = await deskUser({ branches: [BRANCH], name: "Olga Officer" });
  oscar = await deskUser({ branches: [BRANCH], name: "Oscar Officer" });
  stranger = await deskUser({ branches: [OTHER_BRANCH], name: "Nora Other" });
  compliance = await deskUser({ role: "compliance", branches: [], name: "Carla Compliance" });
  listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await listener.connect();
  listener.on("notification", (message) => woken.push(message.payload ?? ""));
  await listener.query(`LISTEN ${NOTIFICATION_CHANNEL}`);
});
afterAll(async () => {
  await listener.end();
  await removeJobs(enrollmentIds);
});

describe("notify", () => {
  it("wakes listeners at commit, not before, and a rolled-back change leaves no notification and no wake-up", async () => {
    const { id } = await enrollment();
    woken.length = 0;
    await prisma.$transaction(async (tx) => {
      await notify(tx, { recipients: [olga.id], kind: "mentioned", enrollmentId: id, params: { code: "X" }, dedupeKey: `commit:${id}` });
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(woken).toEqual([]);
    });
    await wokenFor(olga.id);

    woken.length = 0;
    await expect(
      prisma.$transaction(async (tx) => {
        await notify(tx, { recipients: [oscar.id], kind: "mentioned", enrollmentId: id, params: {}, dedupeKey: `rollback:${id}` });
        throw new Error("the change fails");
      }),
    ).rejects.toThrow("the change fails");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(woken).toEqual([]);
    expect(await prisma.notification.count({ where: { dedupeKey: `rollback:${id}` } })).toBe(0);
  });

  it("delivers once per recipient and key, never to the actor, never to a disabled user", async () => {
    const { id } = await enrollment();
    const disabled = await prisma.user.create({ data: { username: `off-${uniqueCode(8).toLowerCase()}`, displayName: "Off", role: "officer", passwordHash: "x", disabled: true } });
    const once = () => prisma.$transaction((tx) => notify(tx, { recipients: [olga.id, oscar.id, disabled.id], kind: "mentioned", enrollmentId: id, params: {}, dedupeKey: `once:${id}`, actorId: oscar.id }));
    expect(await once()).toBe(1);
    expect(await once()).toBe(0);
    expect(await prisma.notification.findMany({ where: { dedupeKey: `once:${id}` }, select: { recipientId: true } })).toEqual([{ recipientId: olga.id }]);
  });
});

describe("each kind at its source", () => {
  it("a lead assigns an enrollment: the assignee is told, the lead (and a claim) tells nobody", async () => {
    const { id, code } = await enrollment();
    expect(await assignEnrollments(prisma, desk(lead), [id], olga.id)).toEqual({ kind: "done", changed: 1 });
    expect(await prisma.notification.findMany({ where: { enrollmentId: id } })).toEqual([expect.objectContaining({ kind: "assigned", enrollmentId: id, params: { code, byId: lead.id }, readAt: null })]);
    // assigning what one already has changes nothing and tells nothing
    expect(await assignEnrollments(prisma, desk(lead), [id], olga.id)).toEqual({ kind: "done", changed: 0 });
    const other = await enrollment();
    await claimEnrollments(prisma, desk(lead), [other.id]);
    await assignEnrollments(prisma, desk(lead), [other.id], lead.id);
    expect(await prisma.notification.count({ where: { enrollmentId: { in: [id, other.id] }, recipientId: { not: olga.id } } })).toBe(0);
    expect(await prisma.notification.count({ where: { enrollmentId: id } })).toBe(1);
  });

  it("a note mentions colleagues: each is told once, the author never", async () => {
    const { id, code } = await enrollment();
    const result = await addNote(prisma, { enrollmentId: id, body: `@${oscar.username} @${olga.username} @${olga.username} please look`, author: { id: olga.id, label: olga.username } });
    expect(result.kind).toBe("added");
    const noteId = result.kind === "added" ? result.note.id : "";
    expect(await prisma.notification.findMany({ where: { enrollmentId: id }, select: { recipientId: true, kind: true, params: true } })).toEqual([
      { recipientId: oscar.id, kind: "mentioned", params: { code, byId: olga.id, noteId } },
    ]);
  });

  it("a push that failed or needs reconciliation tells its requester, once however often it settles", async () => {
    await ensureProductCodes();
    for (const [productStatus, kind] of [
      ["needs_reconciliation", "push_needs_reconciliation"],
      ["refused", "push_failed"],
    ] as const) {
      const { id } = await enrollment();
      await prisma.enrollment.update({ where: { id }, data: { status: "pushing", pushSeq: 1, pushRequestedById: oscar.id } });
      await prisma.productRequest.create({ data: { enrollmentId: id, position: 0, productCode: "AH01", openDate: new Date("2026-11-21"), status: productStatus, sentInPush: 1 } });
      woken.length = 0;
      expect(await prisma.$transaction((tx) => settleEnrollment(tx, id, 1))).toBe(productStatus === "refused" ? "failed" : "needs_reconciliation");
      await wokenFor(oscar.id);
      // settled again (a worker that runs the push once more): still one
      if (productStatus === "needs_reconciliation") await prisma.$transaction((tx) => settleEnrollment(tx, id, 1));
      expect(await prisma.notification.findMany({ where: { enrollmentId: id }, select: { recipientId: true, kind: true, params: true } })).toEqual([
        { recipientId: oscar.id, kind, params: { code: expect.any(String), pushSeq: 1 } },
      ]);
    }
  });

  it("a push the last editor may not make (four-eyes) tells the officers of its branch who may push it, not the requester nor others", async () => {
    const before = process.env.FOUR_EYES;
    process.env.FOUR_EYES = "on";
    try {
      const { id } = await enrollment();
      const row = await prisma.enrollment.update({ where: { id }, data: { lastEditedById: olga.id }, select: { version: true } });
      const ask = () => requestPush(prisma, { enrollmentId: id, expectedVersion: row.version, products: [], actor: { id: olga.id, label: olga.username } });
      expect(await ask()).toEqual({ kind: "four_eyes" });
      expect(await ask()).toEqual({ kind: "four_eyes" });
      const told = await prisma.notification.findMany({ where: { enrollmentId: id }, select: { recipientId: true, kind: true } });
      expect(told.map((n) => n.recipientId).sort()).toEqual([lead.id, oscar.id].sort());
      expect(told.every((n) => n.kind === "four_eyes_awaiting")).toBe(true);
      expect(told.map((n) => n.recipientId)).not.toContain(stranger.id);
      expect(told.map((n) => n.recipientId)).not.toContain(compliance.id);
    } finally {
      if (before === undefined) delete process.env.FOUR_EYES;
      else process.env.FOUR_EYES = before;
    }
  });

  it("an AML hit on a customer tells whoever pushed it, once per event even when AMLYZE delivers it again", async () => {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
    try {
      const { id } = await enrollment();
      await prisma.enrollment.update({ where: { id }, data: { pushRequestedById: oscar.id } });
      const opened = await loadOpenedEnrollment(prisma, id);
      const customerNumber = 3_000_000_000_000 + Math.floor(Math.random() * 1_000_000_000);
      await prisma.$transaction((tx) => createAmlSubmission(tx, { enrollmentId: id, pushSeq: 1, customerNumber, coreBody: opened.payload, settings: AML_MESSAGE, triggeredById: oscar.id }));
      const events = buildEvents({
        communicationNumber: `EC-notify-${customerNumber}`,
        requester: "financial_institution",
        riskManagementCategory: "FAST",
        entityType: "INDIVIDUAL",
        customerExtId: String(customerNumber),
        firstName: "ANA",
        lastName: "SANCTIONED",
        customerStatus: "ACTIVE",
      }).map((e) => ({ ...e, subject: e.subject, time: new Date(e.time), raw: JSON.stringify(e), rawHeaders: null }));
      await ingestEvents(pool, events);
      await ingestEvents(pool, events);
      expect(await prisma.notification.findMany({ where: { enrollmentId: id }, select: { recipientId: true, kind: true, params: true } })).toEqual([
        { recipientId: oscar.id, kind: "aml_hit", params: { code: expect.any(String), customerExtId: String(customerNumber), list: "sanctions" } },
      ]);
    } finally {
      await pool.end();
    }
  });

  it("an SLA breach tells the owner and leads once; an escalation is its own kind", async () => {
    const { id, code } = await enrollment();
    const breach = () => prisma.$transaction((tx) => notifySlaBreach(tx, { enrollmentId: id, userIds: [olga.id, lead.id], escalated: false }));
    expect(await breach()).toBe(2);
    expect(await breach()).toBe(0);
    expect(await prisma.$transaction((tx) => notifySlaBreach(tx, { enrollmentId: id, userIds: [lead.id], escalated: true }))).toBe(1);
    const rows = await prisma.notification.findMany({ where: { enrollmentId: id }, select: { recipientId: true, kind: true, params: true } });
    expect(rows).toHaveLength(3);
    expect(rows).toEqual(
      expect.arrayContaining([
        { recipientId: olga.id, kind: "sla_breached", params: { code } },
        { recipientId: lead.id, kind: "sla_breached", params: { code } },
        { recipientId: lead.id, kind: "sla_escalated", params: { code } },
      ]),
    );
  });
});

describe("the reader's own notifications", () => {
  it("the route lists only the signed-in user's, and marking another's id changes nothing", async () => {
    const { id } = await enrollment();
    const ann = await deskUser({ branches: [BRANCH], name: "Ann" });
    const ben = await deskUser({ branches: [BRANCH], name: "Ben" });
    await prisma.$transaction((tx) => notify(tx, { recipients: [ann.id], kind: "assigned", enrollmentId: id, params: { code: "A-1", byId: lead.id }, dedupeKey: `own:${id}` }));
    await prisma.$transaction((tx) => notify(tx, { recipients: [ben.id], kind: "mentioned", enrollmentId: id, params: { code: "B-1", byId: lead.id }, dedupeKey: `own:${id}` }));

    state.user = null;
    expect((await listRoute.GET()).status).toBe(401);

    state.user = ann;
    const body = (await (await listRoute.GET()).json()) as { unread: number; items: Array<{ id: string; code: string; byName: string; href: string; read: boolean }> };
    expect(body.unread).toBe(1);
    expect(body.items).toEqual([expect.objectContaining({ code: "A-1", byName: "Lea Lead", href: `/enrollments/${id}`, read: false })]);

    const bens = await inbox(ben);
    expect((await markNotificationsRead({ ids: [bens[0]!.id] }))?.data).toEqual({ marked: 0 });
    expect((await inbox(ben))[0]!.readAt).toBeNull();
    const marked = await markNotificationsRead({ ids: [body.items[0]!.id] });
    expect(marked?.serverError).toBeUndefined();
    expect(marked?.data).toEqual({ marked: 1 });
    expect((await markNotificationsRead({ all: true }))?.data).toEqual({ marked: 0 });
    expect(await prisma.auditEvent.count({ where: { action: "notifications.read", actorId: ann.id } })).toBe(1);
    const after = (await (await listRoute.GET()).json()) as { unread: number; items: Array<{ read: boolean }> };
    expect(after).toMatchObject({ unread: 0, items: [{ read: true }] });

    state.user = ben;
    expect((await markNotificationsRead({ all: true }))?.data).toEqual({ marked: 1 });
    state.user = null;
  });
});

describe("the notifications page", () => {
  it("pages newest first by (created_at, id), each notification once, and ignores a forged cursor", async () => {
    const reader = await deskUser({ branches: [BRANCH], name: "Paula" });
    const at = new Date("2026-12-01T10:00:00Z");
    // five share one instant: the id breaks the tie, so none is skipped or shown twice
    await prisma.notification.createMany({
      data: Array.from({ length: 12 }, (_, i) => ({ recipientId: reader.id, kind: "assigned", params: { code: `P${i}` }, dedupeKey: `page:${i}`, createdAt: new Date(at.getTime() - (i < 5 ? 0 : i) * 60_000) })),
    });
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 10; pages += 1) {
      const page: Awaited<ReturnType<typeof listNotifications>> = await listNotifications(prisma, { userId: reader.id, mayReadAml: false, take: 5, cursor });
      seen.push(...page.items.map((item) => item.code));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toHaveLength(12);
    expect(new Set(seen).size).toBe(12);
    expect(seen.slice(5)).toEqual(["P5", "P6", "P7", "P8", "P9", "P10", "P11"]);
    expect((await listNotifications(prisma, { userId: reader.id, mayReadAml: false, take: 5, cursor: "not-a-cursor" })).items.map((item) => item.code)).toEqual(seen.slice(0, 5));
  });
});

describe("the live stream", () => {
  it("refuses anonymous callers, and tells the signed-in reader of their own new notification within 2 s, not of another's", async () => {
    const streamRoute = await import("@/app/api/notifications/stream/route");
    state.user = null;
    expect((await streamRoute.GET(new Request("http://console.test/api/notifications/stream"))).status).toBe(401);

    const { id } = await enrollment();
    const reader = await deskUser({ branches: [BRANCH], name: "Rita" });
    const other = await deskUser({ branches: [BRANCH], name: "Otto" });
    state.user = reader;
    const abort = new AbortController();
    const response = await streamRoute.GET(new Request("http://console.test/api/notifications/stream", { signal: abort.signal }));
    state.user = null;
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const stream = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    // a read that timed out stays pending: the next wait takes it over rather than losing its chunk
    let pending: ReturnType<typeof stream.read> | null = null;
    const readUntil = async (needle: string, ms: number) => {
      const deadline = Date.now() + ms;
      while (!text.includes(needle)) {
        const left = deadline - Date.now();
        if (left <= 0) return false;
        pending ??= stream.read();
        const chunk = await Promise.race([pending, new Promise<null>((resolve) => setTimeout(() => resolve(null), left))]);
        if (chunk === null) return false;
        pending = null;
        if (chunk.done) return text.includes(needle);
        text += decoder.decode(chunk.value);
      }
      return true;
    };
    // "ready": the process listens, nothing committed from now on is missed
    expect(await readUntil("event: ready", 2_000)).toBe(true);
    text = "";
    await prisma.$transaction((tx) => notify(tx, { recipients: [other.id], kind: "mentioned", enrollmentId: id, params: {}, dedupeKey: `stream-other:${id}` }));
    expect(await readUntil("event: changed", 500)).toBe(false);
    const committed = Date.now();
    await prisma.$transaction((tx) => notify(tx, { recipients: [reader.id], kind: "mentioned", enrollmentId: id, params: {}, dedupeKey: `stream:${id}` }));
    expect(await readUntil("event: changed", 2_000)).toBe(true);
    expect(Date.now() - committed).toBeLessThan(2_000);
    abort.abort();
    await stream.cancel().catch(() => undefined);
  });
});

describe("the push pipeline tells the requester how it ended", () => {
  let database: Awaited<ReturnType<typeof pushDatabase>>;
  let harness: TCoreHarness;
  let lockPool: pg.Pool;
  let requester: { id: string; username: string };

  beforeAll(async () => {
    // its own database, as every push test: a worker of another run sweeps `pushing` enrollments
    database = await pushDatabase("notify_push");
    usePushDatabase(database.db);
    lockPool = new pg.Pool({ connectionString: database.url, max: 4 });
    await ensureProductCodes();
    harness = await startCore();
    requester = await database.db.user.create({ data: { username: `req-${uniqueCode(8).toLowerCase()}`, displayName: "Rex Requester", role: "officer", passwordHash: "x" }, select: { id: true, username: true } });
  });
  afterAll(async () => {
    usePushDatabase(prisma);
    await harness.stop();
    await lockPool.end();
    await database.drop();
  });

  async function pushWith(faults: TCoreFaults, products = [product("AH01")]) {
    harness.sandbox.setFaults(faults);
    try {
      const id = await intakeFixture();
      const { version } = await database.db.enrollment.findUniqueOrThrow({ where: { id }, select: { version: true } });
      expect(await requestPush(database.db, { enrollmentId: id, expectedVersion: version, products, actor: { id: requester.id, label: requester.username } })).toMatchObject({ kind: "queued" });
      await runPush(pushDeps(harness, lockPool), id);
      // a second run of the same push (a retried job) tells nobody again
      await runPush(pushDeps(harness, lockPool), id);
      const { status } = await database.db.enrollment.findUniqueOrThrow({ where: { id }, select: { status: true } });
      return { status, told: await database.db.notification.findMany({ where: { enrollmentId: id }, select: { recipientId: true, kind: true } }) };
    } finally {
      harness.sandbox.setFaults({});
    }
  }

  it("the core refuses the customer (back to review) or cannot be reached (failed): push_failed", async () => {
    expect(await pushWith({ core_customer: { kind: "status400", message: "bad data" } })).toEqual({ status: "in_review", told: [{ recipientId: requester.id, kind: "push_failed" }] });
    expect(await pushWith({ core_customer: { kind: "status500" } })).toEqual({ status: "failed", told: [{ recipientId: requester.id, kind: "push_failed" }] });
  });

  it("a product's outcome is unknown: push_needs_reconciliation; a push that went through tells nobody", async () => {
    expect(await pushWith({ core_product: { kind: "timeout", afterProcessing: true } })).toEqual({
      status: "needs_reconciliation",
      told: [{ recipientId: requester.id, kind: "push_needs_reconciliation" }],
    });
    expect(await pushWith({})).toEqual({ status: "pushed", told: [] });
  });
});
