// Ownership of enrollments against real PostgreSQL: claim, release and assign, who may do which,
// all or nothing, one audit event per change, two claims at once giving one owner, and the
// queue's desk view (mine, then unassigned, due soonest first) paging across its bands.
import { beforeAll, describe, expect, it } from "vitest";
import type { TCurrentUser } from "@/lib/auth/current-user";
import { assignEnrollments, claimEnrollments, releaseEnrollments, type TDeskActor } from "@/lib/desk/ownership";
import { scopeOf } from "@/lib/desk/scope";
import { listEnrollments, QUEUE_PAGE_SIZE } from "@/lib/queue/list-enrollments";
import { parseQueueFilters, queueDefaults } from "@/lib/queue/queue-filters";
import { prisma, uniqueCode } from "./db";
import { deskUser, enrollmentOf, uniqueBranch } from "./desk-helpers";

const BRANCH = uniqueBranch();
const OTHER = uniqueBranch();
let olga: TCurrentUser;
let oscar: TCurrentUser;
let lead: TCurrentUser;
let elsewhere: TCurrentUser;

const desk = (user: TCurrentUser): TDeskActor => ({ actor: { id: user.id, label: user.username }, role: user.role, scope: scopeOf(user), deskLead: user.deskLead, ip: "127.0.0.1" });
const ownerOf = async (id: string) => (await prisma.enrollment.findUniqueOrThrow({ where: { id }, select: { ownerId: true } })).ownerId;
const audits = (id: string) => prisma.auditEvent.findMany({ where: { targetId: id, action: { in: ["enrollment.claimed", "enrollment.released", "enrollment.assigned"] } }, orderBy: { at: "asc" }, select: { action: true, actorId: true, details: true } });
const fresh = async () => (await enrollmentOf(BRANCH)).id;

beforeAll(async () => {
  olga = await deskUser({ branches: [BRANCH], name: "Olga Desk" });
  oscar = await deskUser({ branches: [BRANCH], name: "Oscar Desk" });
  lead = await deskUser({ branches: [BRANCH], deskLead: true, name: "Lena Lead" });
  elsewhere = await deskUser({ branches: [OTHER], name: "Nora Elsewhere" });
});

describe("claim and release", () => {
  it("'Assign to me' takes an unowned enrollment, audited; a colleague cannot take it, nor release it", async () => {
    const id = await fresh();
    expect(await claimEnrollments(prisma, desk(olga), [id])).toEqual({ kind: "done", changed: 1 });
    expect(await ownerOf(id)).toBe(olga.id);
    expect(await claimEnrollments(prisma, desk(oscar), [id])).toEqual({ kind: "taken", count: 1 });
    expect(await releaseEnrollments(prisma, desk(oscar), [id])).toEqual({ kind: "notYours", count: 1 });
    expect(await ownerOf(id)).toBe(olga.id);
    // claiming one's own again changes nothing and writes nothing
    expect(await claimEnrollments(prisma, desk(olga), [id])).toEqual({ kind: "done", changed: 0 });
    expect(await releaseEnrollments(prisma, desk(olga), [id])).toEqual({ kind: "done", changed: 1 });
    expect(await ownerOf(id)).toBeNull();
    expect(await audits(id)).toEqual([
      { action: "enrollment.claimed", actorId: olga.id, details: { from: null, to: olga.id } },
      { action: "enrollment.released", actorId: olga.id, details: { from: olga.id, to: null } },
    ]);
  });

  it("of two claims at once, one wins", async () => {
    const id = await fresh();
    const results = await Promise.all([claimEnrollments(prisma, desk(olga), [id]), claimEnrollments(prisma, desk(oscar), [id])]);
    expect(results.map((result) => result.kind).sort()).toEqual(["done", "taken"]);
    const winner = results[0]!.kind === "done" ? olga.id : oscar.id;
    expect(await ownerOf(id)).toBe(winner);
    expect((await audits(id)).map((event) => event.action)).toEqual(["enrollment.claimed"]);
  });

  it("a bulk claim is all or nothing: one taken, none changes", async () => {
    const [a, b, c] = [await fresh(), await fresh(), await fresh()];
    await claimEnrollments(prisma, desk(oscar), [b]);
    expect(await claimEnrollments(prisma, desk(olga), [a, b, c])).toEqual({ kind: "taken", count: 1 });
    expect([await ownerOf(a), await ownerOf(b), await ownerOf(c)]).toEqual([null, oscar.id, null]);
    expect(await claimEnrollments(prisma, desk(olga), [a, c])).toEqual({ kind: "done", changed: 2 });
  });

  it("nothing outside the officer's branches, and no role that may not own enrollments", async () => {
    const id = await fresh();
    await expect(claimEnrollments(prisma, desk(elsewhere), [id])).rejects.toThrow();
    await expect(claimEnrollments(prisma, { ...desk(olga), role: "compliance" }, [id])).rejects.toThrow(/may not own/);
    expect(await ownerOf(id)).toBeNull();
    expect(await audits(id)).toEqual([]);
  });
});

describe("assign (leads)", () => {
  it("only a lead assigns", async () => {
    const id = await fresh();
    expect(await assignEnrollments(prisma, desk(olga), [id], oscar.id)).toEqual({ kind: "notLead" });
    expect(await ownerOf(id)).toBeNull();
  });

  it("assigns an unassigned enrollment (Marble PR 1860), then reassigns it, each audited", async () => {
    const id = await fresh();
    expect(await assignEnrollments(prisma, desk(lead), [id], olga.id)).toEqual({ kind: "done", changed: 1 });
    expect(await assignEnrollments(prisma, desk(lead), [id], oscar.id)).toEqual({ kind: "done", changed: 1 });
    expect(await ownerOf(id)).toBe(oscar.id);
    expect(await audits(id)).toEqual([
      { action: "enrollment.assigned", actorId: lead.id, details: { from: null, to: olga.id } },
      { action: "enrollment.assigned", actorId: lead.id, details: { from: olga.id, to: oscar.id } },
    ]);
    // a lead releases anyone's
    expect(await releaseEnrollments(prisma, desk(lead), [id])).toEqual({ kind: "done", changed: 1 });
  });

  it("only to an active officer of the enrollment's branch", async () => {
    const id = await fresh();
    const compliance = await deskUser({ role: "compliance", branches: [BRANCH] });
    const disabled = await deskUser({ branches: [BRANCH] });
    await prisma.user.update({ where: { id: disabled.id }, data: { disabled: true } });
    for (const assignee of [elsewhere, compliance, disabled]) expect(await assignEnrollments(prisma, desk(lead), [id], assignee.id)).toEqual({ kind: "assignee" });
    expect(await assignEnrollments(prisma, desk(lead), [id], "00000000-0000-7000-8000-000000000000")).toEqual({ kind: "assignee" });
    expect(await ownerOf(id)).toBeNull();
  });
});

describe("the queue's desk view", () => {
  it("mine, then unassigned, then the rest, each due soonest first, paged without gaps or repeats", async () => {
    const branch = uniqueBranch();
    const me = await deskUser({ branches: [branch] });
    const colleague = await deskUser({ branches: [branch] });
    // minimal rows are enough for the list: the columns it reads
    const count = QUEUE_PAGE_SIZE + 10;
    const rows = Array.from({ length: count }, (_, i) => ({
      id: crypto.randomUUID(),
      receivedPayload: {},
      payload: {},
      contentHash: `${uniqueCode(32)}${uniqueCode(32)}`.toLowerCase(),
      fullName: `DESK ${i}`,
      branchCode: branch,
      receivedAt: new Date(Date.UTC(2021, 0, 1, 0, count - i)),
      // due times in the reverse order of arrival (branch targets differ): the desk follows the due time
      dueAt: new Date(Date.UTC(2021, 0, 2, 0, i)),
      ownerId: i % 3 === 0 ? me.id : i % 3 === 1 ? null : colleague.id,
    }));
    await prisma.enrollment.createMany({ data: rows });
    const expected = [0, 1, 2].flatMap((band) =>
      rows
        .filter((row) => (band === 0 ? row.ownerId === me.id : band === 1 ? row.ownerId === null : row.ownerId === colleague.id))
        .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())
        .map((row) => row.id),
    );
    const viewer = { scope: scopeOf(me), userId: me.id };
    const page = async (params: Record<string, string>) => listEnrollments(prisma, queueDefaults(parseQueueFilters(params), { ownsEnrollments: true }), viewer);

    const first = await page({ owner: "any" });
    const second = await page({ owner: "any", cursor: first.nextCursor! });
    expect(second.nextCursor).toBeNull();
    expect([...first.rows, ...second.rows].map((row) => row.id)).toEqual(expected);
    expect(first.rows[0]!.owner).toEqual({ id: me.id, name: me.displayName });

    // the default: mine and unassigned only
    const byDefault = await page({});
    expect(byDefault.rows.map((row) => row.id)).toEqual(expected.filter((id) => rows.find((row) => row.id === id)!.ownerId !== colleague.id));
    expect((await page({ owner: "mine" })).rows.every((row) => row.owner?.id === me.id)).toBe(true);
    expect((await page({ owner: "unassigned" })).rows.every((row) => row.owner === null)).toBe(true);
    // in the desk order too, one officer's filter keeps only their band
    expect((await page({ owner: colleague.id })).rows.map((row) => row.id)).toEqual(expected.filter((id) => rows.find((row) => row.id === id)!.ownerId === colleague.id));
    expect((await page({ owner: "unassigned" })).rows.map((row) => row.id)).toEqual(expected.filter((id) => rows.find((row) => row.id === id)!.ownerId === null));
    const theirs = await page({ owner: colleague.id, sort: "received_asc" });
    expect(theirs.rows.map((row) => row.id)).toEqual(rows.filter((row) => row.ownerId === colleague.id).sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime()).map((row) => row.id));
  });
});
