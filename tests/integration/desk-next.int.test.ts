// "Next enrollment" against real PostgreSQL: one's own most urgent first, else the most urgent
// unowned one of one's branches, claimed and audited; never another branch's, never one whose push
// runs; two officers pressing Next at once get different enrollments.
import { beforeAll, describe, expect, it } from "vitest";
import type { TCurrentUser } from "@/lib/auth/current-user";
import type { TDeskActor } from "@/lib/desk/ownership";
import { takeNextEnrollment } from "@/lib/desk/next-enrollment";
import { scopeOf } from "@/lib/desk/scope";
import { prisma } from "./db";
import { deskUser, enrollmentOf, uniqueBranch } from "./desk-helpers";

const BRANCH = uniqueBranch();
const OTHER = uniqueBranch();
const desk = (user: TCurrentUser): TDeskActor => ({ actor: { id: user.id, label: user.username }, role: user.role, scope: scopeOf(user), deskLead: user.deskLead, ip: "127.0.0.1" });
/** An enrollment received `minutesAgo` minutes ago (older is more urgent). */
async function waiting(branch: string, minutesAgo: number, data: { status?: "pushing" | "pushed" } = {}) {
  const { id } = await enrollmentOf(branch);
  await prisma.enrollment.update({ where: { id }, data: { receivedAt: new Date(Date.now() - minutesAgo * 60_000), ...data } });
  return id;
}

let olga: TCurrentUser;
let oscar: TCurrentUser;
const ids: Record<string, string> = {};

beforeAll(async () => {
  olga = await deskUser({ branches: [BRANCH], name: "Olga Next" });
  oscar = await deskUser({ branches: [BRANCH], name: "Oscar Next" });
  // the oldest of all is in another branch, and the next oldest are a push running and a customer pushed
  ids.elsewhere = await waiting(OTHER, 900);
  ids.running = await waiting(BRANCH, 800, { status: "pushing" });
  ids.done = await waiting(BRANCH, 700, { status: "pushed" });
  ids.oldest = await waiting(BRANCH, 600);
  ids.middle = await waiting(BRANCH, 500);
  ids.newest = await waiting(BRANCH, 400);
});

describe("next enrollment", () => {
  it("claims the most urgent unowned one of one's branches, audited; then hands back one's own first", async () => {
    expect(await takeNextEnrollment(prisma, desk(olga))).toEqual({ kind: "claimed", id: ids.oldest });
    const owner = await prisma.enrollment.findUniqueOrThrow({ where: { id: ids.oldest! }, select: { ownerId: true } });
    expect(owner.ownerId).toBe(olga.id);
    const audit = await prisma.auditEvent.findMany({ where: { targetId: ids.oldest, action: "enrollment.claimed" }, select: { actorId: true, details: true } });
    expect(audit).toEqual([{ actorId: olga.id, details: { from: null, to: olga.id, next: true } }]);
    // her own comes first while it waits for her
    expect(await takeNextEnrollment(prisma, desk(olga))).toEqual({ kind: "mine", id: ids.oldest });
    // leaving it ("next" from its page) takes the next unowned one
    expect(await takeNextEnrollment(prisma, desk(olga), { except: ids.oldest })).toEqual({ kind: "claimed", id: ids.middle });
  });

  it("never hands out one another officer is taking at that moment, and nothing once none is left", async () => {
    // Oscar's Next runs while another officer's claim of the last unowned one is not yet committed
    let started!: () => void;
    const locked = new Promise<void>((resolve) => (started = resolve));
    const other = await deskUser({ branches: [BRANCH] });
    const claim = prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM enrollments WHERE id = ${ids.newest}::uuid FOR UPDATE`;
      await tx.enrollment.update({ where: { id: ids.newest! }, data: { ownerId: other.id, ownedAt: new Date() } });
      started();
      await new Promise((resolve) => setTimeout(resolve, 500));
    });
    await locked;
    expect(await takeNextEnrollment(prisma, desk(oscar))).toEqual({ kind: "none" });
    await claim;
    expect((await prisma.enrollment.findUniqueOrThrow({ where: { id: ids.newest! }, select: { ownerId: true } })).ownerId).toBe(other.id);
    expect(await takeNextEnrollment(prisma, desk(oscar))).toEqual({ kind: "none" });
    // the other branch's, the running push and the pushed customer were never handed out
    const owners = await prisma.enrollment.findMany({ where: { id: { in: [ids.elsewhere!, ids.running!, ids.done!] } }, select: { ownerId: true } });
    expect(owners.map((row) => row.ownerId)).toEqual([null, null, null]);
  });
});
