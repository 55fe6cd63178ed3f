// The desk dashboard's numbers against real PostgreSQL: received → pushed percentiles per branch
// and per officer, failed and reconciliation counts, the backlog by age, the window and the
// reader's branches.
import { beforeAll, describe, expect, it } from "vitest";
import type { TCurrentUser } from "@/lib/auth/current-user";
import { getDeskDashboard, slaHitRate } from "@/lib/desk/dashboard";
import { parseDeskDashboardFilters } from "@/lib/desk/dashboard-filters";
import { scopeOf } from "@/lib/desk/scope";
import { prisma } from "./db";
import { deskUser, enrollmentOf, uniqueBranch } from "./desk-helpers";

const BRANCH = uniqueBranch();
const OTHER = uniqueBranch();
const NOW = new Date("2026-03-10T12:00:00Z");
let lead: TCurrentUser;
let pusher: TCurrentUser;

/**
 * An enrollment received `hoursAgo` before NOW and due an hour later, optionally pushed
 * `pushMinutes` after it arrived (its review clock stopping then).
 */
async function enrollment(branch: string, hoursAgo: number, state: { status?: "pushed" | "failed" | "needs_reconciliation" | "pushing"; pushMinutes?: number } = {}) {
  const { id } = await enrollmentOf(branch);
  const receivedAt = new Date(NOW.getTime() - hoursAgo * 3_600_000);
  await prisma.enrollment.update({
    where: { id },
    data: {
      receivedAt,
      dueAt: new Date(receivedAt.getTime() + 60 * 60_000),
      status: state.status ?? "received",
      ...(state.pushMinutes !== undefined
        ? { pushFinishedAt: new Date(receivedAt.getTime() + state.pushMinutes * 60_000), slaStoppedAt: new Date(receivedAt.getTime() + state.pushMinutes * 60_000), pushRequestedById: pusher.id }
        : {}),
    },
  });
}

beforeAll(async () => {
  lead = await deskUser({ branches: [BRANCH], deskLead: true, name: "Lena Lead" });
  pusher = await deskUser({ branches: [BRANCH], name: "Pablo Pusher" });
  // pushed after 10, 20, 30, 40 and 100 minutes
  for (const minutes of [10, 20, 30, 40, 100]) await enrollment(BRANCH, 30, { status: "pushed", pushMinutes: minutes });
  await enrollment(BRANCH, 2, { status: "failed" });
  await enrollment(BRANCH, 10, { status: "needs_reconciliation" });
  await enrollment(BRANCH, 50);
  await enrollment(BRANCH, 24 * 8);
  await enrollment(BRANCH, 1, { status: "pushing" });
  // out of the lead's branches
  await enrollment(OTHER, 3);
});

describe("desk dashboard", () => {
  it("counts and times a branch's enrollments in the window, per branch and per officer", async () => {
    const dashboard = await getDeskDashboard(prisma, scopeOf(lead), parseDeskDashboardFilters({ from: "2026-03-01", to: "2026-03-10" }, NOW), NOW);
    expect(dashboard.byBranch.map((row) => row.branch)).toEqual([BRANCH]);
    const [branch] = dashboard.byBranch;
    // all ten arrived inside the window (the oldest on 2026-03-02)
    expect(branch).toMatchObject({ received: 10, pushed: 5, failed: 1, reconcile: 1, p50: 30 });
    // 95th percentile of 10, 20, 30, 40, 100 (continuous): 40 + 0.8 × 60 = 88
    expect(branch!.p95).toBe(88);
    expect(dashboard.total).toMatchObject({ received: 10, pushed: 5 });
    // due an hour after arrival: pushed after 10, 20, 30 and 40 minutes met it, after 100 missed it;
    // failed, awaiting reconciliation and the two received are open past it (the running push is due now)
    expect(branch).toMatchObject({ slaStopped: 5, slaMet: 4, overdue: 4 });
    expect(slaHitRate(branch!)).toBe(80);
    expect(dashboard.byOfficer).toEqual([{ officerId: pusher.id, name: "Pablo Pusher", pushed: 5, p50: 30, p95: 88 }]);
  });

  it("holds the backlog waiting for an officer by age, whatever the window", async () => {
    const dashboard = await getDeskDashboard(prisma, scopeOf(lead), parseDeskDashboardFilters({ from: "2026-03-10", to: "2026-03-10" }, NOW), NOW);
    // waiting: failed (2 h), reconciliation (10 h), received (50 h), received (8 days); a running push is not waiting
    expect(dashboard.backlog).toEqual({ under4h: 1, under1d: 1, under3d: 1, under7d: 0, over7d: 1 });
    // the window counts only what arrived on its days
    expect(dashboard.total.received).toBe(3);
  });

  it("never counts another branch's for a lead, and filters one branch for an admin", async () => {
    const admin = await deskUser({ role: "admin", branches: [] });
    const all = await getDeskDashboard(prisma, scopeOf(admin), parseDeskDashboardFilters({ from: "2026-03-01", to: "2026-03-10", branch: OTHER }, NOW), NOW);
    expect(all.byBranch.map((row) => [row.branch, row.received])).toEqual([[OTHER, 1]]);
    const mine = await getDeskDashboard(prisma, scopeOf(lead), parseDeskDashboardFilters({ from: "2026-03-01", to: "2026-03-10", branch: OTHER }, NOW), NOW);
    expect(mine.byBranch).toEqual([]);
    expect(mine.total.received).toBe(0);
  });
});
