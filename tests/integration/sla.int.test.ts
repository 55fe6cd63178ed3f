// The review SLA against real PostgreSQL: due times in business time at intake (across a weekend
// and a branch's holiday), recomputed when a save moves an enrollment to another branch (owner
// kept) and when an admin changes a target; the clock stopping at the push; the breach marked and
// announced once, even by two sweeps at once, to the right people; the queue's due sort, overdue
// filter and desk order within the branch scope.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { TCurrentUser } from "@/lib/auth/current-user";
import { scopeOf } from "@/lib/desk/scope";
import { saveSection } from "@/lib/enrollment/save-section";
import { listEnrollments } from "@/lib/queue/list-enrollments";
import { parseQueueFilters, queueDefaults } from "@/lib/queue/queue-filters";
import { addSlaHoliday, removeSlaHoliday, saveSlaBranchTarget, saveSlaCalendar } from "@/lib/sla/manage-sla-settings";
import { readSlaConfig } from "@/lib/sla/sla-settings";
import { markBreaches } from "@/lib/sla/mark-breaches";
import { recomputeDueTimes } from "@/lib/sla/recompute-due-times";
import { prisma, uniqueCode } from "./db";
import { deskUser, enrollmentOf, uniqueBranch } from "./desk-helpers";

const ADMIN = { actor: { id: null, label: "sla-test" }, ip: "127.0.0.1" };
const ZONE = "America/Santo_Domingo"; // UTC-4 all year
// six characters: a branch code a save accepts (the field table's length)
const HOLIDAY_BRANCH = `H${uniqueCode(5)}`;
const PLAIN_BRANCH = uniqueBranch();

/** An enrollment of `branch` received at `at` (the intake's clock set there). */
async function receivedAt(branch: string, at: string): Promise<string> {
  vi.useFakeTimers({ toFake: ["Date"], now: new Date(at) });
  try {
    return (await enrollmentOf(branch)).id;
  } finally {
    vi.useRealTimers();
  }
}
const row = (id: string) => prisma.enrollment.findUniqueOrThrow({ where: { id }, select: { dueAt: true, ownerId: true, branchCode: true, slaStoppedAt: true, slaBreachedAt: true, slaEscalatedAt: true } });
const dueOf = async (id: string) => (await row(id)).dueAt?.toISOString();

afterEach(() => vi.useRealTimers());

beforeAll(async () => {
  for (const branchCode of [HOLIDAY_BRANCH, PLAIN_BRANCH]) await saveSlaBranchTarget(prisma, { branchCode, targetHours: 4, timeZone: ZONE }, ADMIN);
  await addSlaHoliday(prisma, { day: "2026-12-07", name: "Test day", branchCode: HOLIDAY_BRANCH }, ADMIN);
});

describe("due times at intake", () => {
  it("counts working hours across a weekend, and a branch's holiday only for that branch", async () => {
    // Friday 2026-12-04 16:00 local: 1 h on Friday, 3 h on the next working day
    const plain = await receivedAt(PLAIN_BRANCH, "2026-12-04T20:00:00Z");
    const holiday = await receivedAt(HOLIDAY_BRANCH, "2026-12-04T20:00:00Z");
    expect(await dueOf(plain)).toBe("2026-12-07T16:00:00.000Z"); // Monday 12:00
    expect(await dueOf(holiday)).toBe("2026-12-08T16:00:00.000Z"); // Tuesday 12:00: Monday is its holiday
  });

  it("starts a night arrival at the next opening", async () => {
    // Wednesday 2026-12-02 23:00 local → Thursday 09:00 + 4 h
    expect(await dueOf(await receivedAt(PLAIN_BRANCH, "2026-12-03T03:00:00Z"))).toBe("2026-12-03T17:00:00.000Z");
  });
});

describe("recomputation", () => {
  it("a save that moves the enrollment to another branch takes that branch's calendar and keeps the owner", async () => {
    const id = await receivedAt(PLAIN_BRANCH, "2026-12-04T20:00:00Z");
    const officer = await deskUser({ branches: [PLAIN_BRANCH, HOLIDAY_BRANCH] });
    await prisma.enrollment.update({ where: { id }, data: { ownerId: officer.id, ownedAt: new Date() } });
    const saved = await saveSection(prisma, { enrollmentId: id, expectedSectionVersion: 0, section: "client_entity_branch", value: { branch_code: HOLIDAY_BRANCH, branch_name: "Moved" }, actor: { id: officer.id, label: officer.username } });
    expect(saved.kind).toBe("saved");
    expect(await row(id)).toMatchObject({ branchCode: HOLIDAY_BRANCH, ownerId: officer.id, dueAt: new Date("2026-12-08T16:00:00.000Z") });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { targetId: id, action: "enrollment.section_saved" } });
    expect(audit.details).toMatchObject({ dueAt: "2026-12-08T16:00:00.000Z" });
  });

  it("an admin's change of a branch target is audited, queues the recomputation, and open enrollments follow", async () => {
    const branch = uniqueBranch();
    await saveSlaBranchTarget(prisma, { branchCode: branch, targetHours: 4, timeZone: ZONE }, ADMIN);
    const open = await receivedAt(branch, "2026-12-04T20:00:00Z");
    const pushed = await receivedAt(branch, "2026-12-04T20:00:00Z");
    await prisma.enrollment.update({ where: { id: pushed }, data: { status: "pushed" } });
    expect((await row(pushed)).slaStoppedAt).not.toBeNull(); // the clock stopped at the push
    await prisma.$executeRaw`DELETE FROM graphile_worker._private_jobs WHERE key = 'sla:recompute'`;

    await saveSlaBranchTarget(prisma, { branchCode: branch, targetHours: 8.5, timeZone: "" }, ADMIN);
    const jobs = await prisma.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM graphile_worker._private_jobs WHERE key = 'sla:recompute'`;
    expect(Number(jobs[0]!.n)).toBe(1);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { targetId: branch, action: "sla.branch_target_changed" }, orderBy: { at: "desc" } });
    expect(audit.details).toMatchObject({ from: { targetMinutes: 240, timeZone: ZONE }, to: { targetMinutes: 510, timeZone: null } });

    await recomputeDueTimes(prisma);
    // now in the calendar's zone (UTC by default): Friday 20:00Z is after hours → Monday 09:00 + 8.5 h → Tuesday 09:30
    expect(await dueOf(open)).toBe("2026-12-08T09:30:00.000Z");
    expect(await dueOf(pushed)).toBe("2026-12-07T16:00:00.000Z"); // stopped: kept
  });
});

describe("settings", () => {
  it("the calendar's save and a holiday's add and removal are audited, each queueing the recomputation", async () => {
    // the defaults themselves (other tests read them): Mon–Fri 09:00–17:00 UTC, 4 h
    const days = Array.from({ length: 7 }, (_, day) => ({ worked: day >= 1 && day <= 5, open: "09:00", close: "17:00" }));
    await prisma.$executeRaw`DELETE FROM graphile_worker._private_jobs WHERE key = 'sla:recompute'`;
    expect(await saveSlaCalendar(prisma, { targetHours: 4, timeZone: "UTC", days }, ADMIN)).toEqual({ kind: "done" });
    const config = await readSlaConfig(prisma);
    expect(config).toMatchObject({ saved: true, targetMinutes: 240, timeZone: "UTC" });
    expect(config.hours[1]).toEqual({ open: 540, close: 1020 });
    expect(config.hours[0]).toBeNull();
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "sla.calendar_changed" }, orderBy: { at: "desc" } });
    expect(audit.details).toMatchObject({ to: { targetMinutes: 240, timeZone: "UTC" } });
    const jobs = await prisma.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM graphile_worker._private_jobs WHERE key = 'sla:recompute'`;
    expect(Number(jobs[0]!.n)).toBe(1);

    const branch = uniqueBranch();
    expect(await addSlaHoliday(prisma, { day: "2031-05-01", name: "Labour day", branchCode: branch }, ADMIN)).toEqual({ kind: "done" });
    expect(await addSlaHoliday(prisma, { day: "2031-05-01", name: "Again", branchCode: branch }, ADMIN)).toEqual({ kind: "taken" });
    const holiday = await prisma.slaHoliday.findFirstOrThrow({ where: { branchCode: branch } });
    expect(await removeSlaHoliday(prisma, holiday.id, ADMIN)).toEqual({ kind: "done" });
    expect(await removeSlaHoliday(prisma, holiday.id, ADMIN)).toEqual({ kind: "not_found" });
    const events = await prisma.auditEvent.findMany({ where: { targetId: holiday.id }, orderBy: { at: "asc" }, select: { action: true, details: true } });
    expect(events).toEqual([
      { action: "sla.holiday_added", details: { day: "2031-05-01", name: "Labour day", branchCode: branch } },
      { action: "sla.holiday_removed", details: { day: "2031-05-01", name: "Labour day", branchCode: branch } },
    ]);
  });
});

describe("breach", () => {
  let owner: TCurrentUser;
  let lead: TCurrentUser;
  const branch = uniqueBranch();

  beforeAll(async () => {
    await saveSlaBranchTarget(prisma, { branchCode: branch, targetHours: 1, timeZone: ZONE }, ADMIN);
    owner = await deskUser({ branches: [branch] });
    lead = await deskUser({ branches: [branch], deskLead: true });
    const retired = await deskUser({ branches: [branch], deskLead: true });
    await prisma.user.update({ where: { id: retired.id }, data: { disabled: true } });
    await deskUser({ branches: [uniqueBranch()], deskLead: true }); // a lead of another branch
  });

  it("is marked and announced once, even by two sweeps at once; the unowned one is escalated to the leads", async () => {
    const owned = await receivedAt(branch, "2026-11-02T14:00:00Z");
    const unowned = await receivedAt(branch, "2026-11-02T14:00:00Z");
    const done = await receivedAt(branch, "2026-11-02T14:00:00Z");
    const future = await enrollmentOf(branch);
    await prisma.enrollment.update({ where: { id: owned }, data: { ownerId: owner.id } });
    await prisma.enrollment.update({ where: { id: done }, data: { status: "customer_saved" } });

    await Promise.all([markBreaches(prisma), markBreaches(prisma)]);
    await markBreaches(prisma);

    const events = await prisma.auditEvent.findMany({ where: { action: "enrollment.sla_breached", targetId: { in: [owned, unowned, done, future.id] } } });
    expect(events.map((event) => event.targetId).sort()).toEqual([owned, unowned].sort());
    const detailsOf = (id: string) => events.find((event) => event.targetId === id)!.details;
    expect(detailsOf(owned)).toEqual({ recipients: [owner.id, lead.id].sort(), escalated: false });
    expect(detailsOf(unowned)).toEqual({ recipients: [lead.id], escalated: true });
    expect(await row(owned)).toMatchObject({ slaBreachedAt: expect.any(Date), slaEscalatedAt: null });
    expect(await row(unowned)).toMatchObject({ slaBreachedAt: expect.any(Date), slaEscalatedAt: expect.any(Date) });
    // and notified once each: the owner and the lead; the unowned one escalated to the lead
    const notes = await prisma.notification.findMany({ where: { enrollmentId: { in: [owned, unowned] } }, select: { recipientId: true, kind: true, enrollmentId: true } });
    const key = (n: { recipientId: string; kind: string; enrollmentId: string | null }) => `${n.enrollmentId}:${n.kind}:${n.recipientId}`;
    expect(notes.map(key).sort()).toEqual([`${owned}:sla_breached:${owner.id}`, `${owned}:sla_breached:${lead.id}`, `${unowned}:sla_escalated:${lead.id}`].sort());
    expect(await row(done)).toMatchObject({ slaBreachedAt: null });
    expect(await row(future.id)).toMatchObject({ slaBreachedAt: null });
  });
});

describe("the queue", () => {
  it("sorts by due, filters overdue, and orders the desk by due, within the reader's branches", async () => {
    const branch = uniqueBranch();
    const elsewhere = uniqueBranch();
    await saveSlaBranchTarget(prisma, { branchCode: branch, targetHours: 2, timeZone: ZONE }, ADMIN);
    const me = await deskUser({ branches: [branch] });
    const late = await receivedAt(branch, "2026-11-03T14:00:00Z");
    const later = await receivedAt(branch, "2026-11-02T18:00:00Z");
    const soon = await enrollmentOf(branch);
    const pushed = await receivedAt(branch, "2026-11-01T14:00:00Z");
    await prisma.enrollment.update({ where: { id: pushed }, data: { status: "pushed" } });
    const outside = await receivedAt(elsewhere, "2026-10-01T14:00:00Z");
    await prisma.enrollment.update({ where: { id: later }, data: { ownerId: me.id } });

    const viewer = { scope: scopeOf(me), userId: me.id };
    const page = (params: Record<string, string>) => listEnrollments(prisma, queueDefaults(parseQueueFilters(params), { ownsEnrollments: true }), viewer);

    const byDue = await page({ sort: "due_asc", owner: "any" });
    expect(byDue.rows.map((r) => r.id)).toEqual([pushed, later, late, soon.id]);
    const overdue = await page({ sort: "due_asc", owner: "any", due: "overdue" });
    expect(overdue.rows.map((r) => r.id)).toEqual([later, late]);
    expect(overdue.rows[0]!.sla).toMatchObject({ kind: "open", overdue: true });
    expect(overdue.rows[0]!.sla!.kind === "open" && overdue.rows[0]!.sla!.minutesLeft).toBeLessThan(0);
    expect(byDue.rows.find((r) => r.id === soon.id)!.sla).toMatchObject({ kind: "open", overdue: false });
    expect(byDue.rows.find((r) => r.id === pushed)!.sla).toMatchObject({ kind: "missed" });
    expect(byDue.rows.map((r) => r.id)).not.toContain(outside);

    // the desk: mine first, then unassigned, each by due
    const desk = await page({});
    expect(desk.rows.map((r) => r.id)).toEqual([later, pushed, late, soon.id]);
  });
});
