// How the desk is doing, for leads (their branches) and admins (every branch): received → pushed
// time per branch and per officer, the review SLA's hit rate and what is overdue, the backlog by
// age, pushes failed or waiting for a
// reconciliation. The same numbers feed the charts, the table and the CSV. Each figure is one
// aggregate over the enrollments received in the window, inside the reader's scope.
import "server-only";
import { enrollmentScopeSql, type TScope } from "@/lib/desk/scope";
import { AWAITS_OFFICER } from "@/lib/enrollment/status";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { TDeskDashboardFilters } from "./dashboard-filters";

/** Received → pushed, in minutes: how many were pushed and the median and 95th percentile. */
export type TPushTime = { pushed: number; p50: number | null; p95: number | null };

/** The review SLA (lib/sla/): of the enrollments whose clock stopped, how many by their due time; and the open ones past it now. */
export type TSlaFigures = { slaStopped: number; slaMet: number; overdue: number };

export type TBranchFigures = TPushTime &
  TSlaFigures & {
    branch: string | null;
    branchName: string | null;
    received: number;
    failed: number;
    reconcile: number;
  };

/** The share of stopped clocks that stopped in time, 0–100 (null: none stopped). */
export function slaHitRate(figures: TSlaFigures): number | null {
  return figures.slaStopped === 0 ? null : Math.round((100 * figures.slaMet) / figures.slaStopped);
}

export type TOfficerFigures = TPushTime & { officerId: string; name: string };

export const BACKLOG_BUCKETS = ["under4h", "under1d", "under3d", "under7d", "over7d"] as const;
export type TBacklogBucket = (typeof BACKLOG_BUCKETS)[number];

export type TDeskDashboard = {
  total: TBranchFigures;
  byBranch: TBranchFigures[];
  byOfficer: TOfficerFigures[];
  /** Enrollments waiting for an officer now (whatever the window), by how long since they arrived. */
  backlog: Record<TBacklogBucket, number>;
};

type TRawFigures = {
  branch: string | null;
  branch_name: string | null;
  received: number;
  pushed: number;
  p50: number | null;
  p95: number | null;
  failed: number;
  reconcile: number;
  sla_stopped: number;
  sla_met: number;
  overdue: number;
};

// The time of a pushed enrollment: from its arrival to the end of its (last) push.
const PUSH_MINUTES = Prisma.sql`extract(epoch FROM push_finished_at - received_at) / 60`;
const PUSHED = Prisma.sql`status = 'pushed' AND push_finished_at IS NOT NULL`;

function windowConditions(scope: TScope, filters: Required<Pick<TDeskDashboardFilters, "from" | "to">> & TDeskDashboardFilters): Prisma.Sql {
  const conditions = [enrollmentScopeSql(scope), Prisma.sql`received_at >= ${filters.from}::date`, Prisma.sql`received_at < (${filters.to}::date + 1)`];
  if (filters.branch) conditions.push(Prisma.sql`branch_code = ${filters.branch}`);
  return Prisma.join(conditions, " AND ");
}

const figuresAt = (now: Date) => Prisma.sql`
  count(*)::int AS received,
  count(*) FILTER (WHERE ${PUSHED})::int AS pushed,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY ${PUSH_MINUTES}) FILTER (WHERE ${PUSHED}) AS p50,
  percentile_cont(0.95) WITHIN GROUP (ORDER BY ${PUSH_MINUTES}) FILTER (WHERE ${PUSHED}) AS p95,
  count(*) FILTER (WHERE status = 'failed')::int AS failed,
  count(*) FILTER (WHERE status = 'needs_reconciliation')::int AS reconcile,
  count(*) FILTER (WHERE sla_stopped_at IS NOT NULL AND due_at IS NOT NULL)::int AS sla_stopped,
  count(*) FILTER (WHERE sla_stopped_at IS NOT NULL AND sla_stopped_at <= due_at)::int AS sla_met,
  count(*) FILTER (WHERE sla_stopped_at IS NULL AND due_at < ${now}::timestamptz)::int AS overdue`;

/** A percentile as PostgreSQL gives it (a float, perhaps as text) in whole minutes. */
const minutes = (value: number | null) => (value === null ? null : Math.round(Number(value)));

function toFigures(row: TRawFigures): TBranchFigures {
  return {
    branch: row.branch,
    branchName: row.branch_name,
    received: row.received,
    pushed: row.pushed,
    p50: minutes(row.p50),
    p95: minutes(row.p95),
    failed: row.failed,
    reconcile: row.reconcile,
    slaStopped: row.sla_stopped,
    slaMet: row.sla_met,
    overdue: row.overdue,
  };
}

export async function getDeskDashboard(db: PrismaClient, scope: TScope, filters: Required<Pick<TDeskDashboardFilters, "from" | "to">> & TDeskDashboardFilters, now = new Date()): Promise<TDeskDashboard> {
  const where = windowConditions(scope, filters);
  const FIGURES = figuresAt(now);
  const backlogWhere = Prisma.join(
    [enrollmentScopeSql(scope), Prisma.sql`status::text = ANY(${[...AWAITS_OFFICER]}::text[])`, ...(filters.branch ? [Prisma.sql`branch_code = ${filters.branch}`] : [])],
    " AND ",
  );
  const [branches, total, officers, backlog] = await Promise.all([
    db.$queryRaw<TRawFigures[]>`
      SELECT branch_code AS branch, min(branch_name) AS branch_name, ${FIGURES}
      FROM enrollments WHERE ${where} GROUP BY branch_code ORDER BY branch_code NULLS LAST LIMIT 500`,
    db.$queryRaw<TRawFigures[]>`SELECT NULL AS branch, NULL AS branch_name, ${FIGURES} FROM enrollments WHERE ${where}`,
    db.$queryRaw<Array<{ officer_id: string; name: string; pushed: number; p50: number | null; p95: number | null }>>`
      SELECT e.push_requested_by_id::text AS officer_id, coalesce(nullif(u.display_name, ''), u.username) AS name, count(*)::int AS pushed,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY ${PUSH_MINUTES}) AS p50,
        percentile_cont(0.95) WITHIN GROUP (ORDER BY ${PUSH_MINUTES}) AS p95
      FROM enrollments e JOIN users u ON u.id = e.push_requested_by_id
      WHERE ${where} AND ${PUSHED}
      GROUP BY 1, 2 ORDER BY 2 LIMIT 500`,
    db.$queryRaw<Array<{ bucket: TBacklogBucket; count: number }>>`
      SELECT CASE
          WHEN received_at > ${now}::timestamptz - interval '4 hours' THEN 'under4h'
          WHEN received_at > ${now}::timestamptz - interval '1 day' THEN 'under1d'
          WHEN received_at > ${now}::timestamptz - interval '3 days' THEN 'under3d'
          WHEN received_at > ${now}::timestamptz - interval '7 days' THEN 'under7d'
          ELSE 'over7d' END AS bucket, count(*)::int AS count
      FROM enrollments WHERE ${backlogWhere} GROUP BY 1`,
  ]);
  const buckets = Object.fromEntries(BACKLOG_BUCKETS.map((bucket) => [bucket, 0])) as Record<TBacklogBucket, number>;
  for (const row of backlog) buckets[row.bucket] = row.count;
  return {
    total: toFigures(total[0]!),
    byBranch: branches.map(toFigures),
    byOfficer: officers.map((row) => ({ officerId: row.officer_id, name: row.name, pushed: row.pushed, p50: minutes(row.p50), p95: minutes(row.p95) })),
    backlog: buckets,
  };
}
