// Due times follow the settings: a branch change by a save, or an admin's change of the calendar,
// a target or the holidays, recomputes the due time of open enrollments (the clock not stopped)
// from their received time. A breach mark is lifted when the new due time is still ahead, so the
// sweep marks it again should the new one pass.
import "server-only";
import type { TDb } from "@/lib/db/types";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { dueAtFor, readSlaConfig, type TSlaConfig } from "@/lib/sla/sla-settings";

const BATCH = 1_000;

type TSlaColumns = { dueAt: Date; slaBreachedAt?: null; slaEscalatedAt?: null };

function slaColumns(config: TSlaConfig, enrollment: { branchCode: string | null; receivedAt: Date }, now: Date): TSlaColumns {
  const dueAt = dueAtFor(config, enrollment.branchCode, enrollment.receivedAt);
  return dueAt > now ? { dueAt, slaBreachedAt: null, slaEscalatedAt: null } : { dueAt };
}

/** The SLA columns for an enrollment moved to `branchCode` (nothing once its clock stopped). */
export async function dueAtAfterBranchChange(
  tx: TDb,
  enrollment: { branchCode: string | null; receivedAt: Date; slaStoppedAt: Date | null },
): Promise<TSlaColumns | Record<string, never>> {
  if (enrollment.slaStoppedAt !== null) return {};
  return slaColumns(await readSlaConfig(tx, { branchCode: enrollment.branchCode }), enrollment, new Date());
}

/** Recomputes every open enrollment's due time with the settings in force; returns how many changed. */
export async function recomputeDueTimes(db: PrismaClient): Promise<{ updated: number }> {
  const config = await readSlaConfig(db);
  let after: string | undefined;
  let updated = 0;
  for (;;) {
    const rows = await db.enrollment.findMany({
      where: { slaStoppedAt: null, ...(after ? { id: { gt: after } } : {}) },
      select: { id: true, branchCode: true, receivedAt: true, dueAt: true },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    if (rows.length === 0) return { updated };
    after = rows[rows.length - 1]!.id;
    const now = new Date();
    const changed = rows.flatMap((row) => {
      const columns = slaColumns(config, row, now);
      return row.dueAt?.getTime() === columns.dueAt.getTime() ? [] : [{ id: row.id, ...columns }];
    });
    if (changed.length === 0) continue;
    const ahead = changed.filter((row) => row.slaBreachedAt === null).map((row) => row.id);
    // One statement per batch; the clock may have stopped meanwhile: those keep their due time.
    await db.$executeRaw`
      UPDATE enrollments e SET due_at = v.due,
        sla_breached_at = CASE WHEN v.id = ANY(${ahead}::uuid[]) THEN NULL ELSE e.sla_breached_at END,
        sla_escalated_at = CASE WHEN v.id = ANY(${ahead}::uuid[]) THEN NULL ELSE e.sla_escalated_at END
      FROM unnest(${changed.map((row) => row.id)}::uuid[], ${changed.map((row) => row.dueAt.toISOString())}::timestamptz[]) AS v(id, due)
      WHERE e.id = v.id AND e.sla_stopped_at IS NULL`;
    updated += changed.length;
  }
}
