// The breach sweep (a cron job, every minute): open enrollments past their due time and not yet
// marked are marked once (sla_breached_at; sla_escalated_at too when nobody owns them), and each
// goes through onSlaBreached in the same transaction. Rows are taken with SKIP LOCKED and the mark
// is conditional, so two sweeps at once, or one run twice, mark and announce each breach once.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { breachRecipients } from "@/lib/sla/breach-recipients";
import { onSlaBreached } from "@/lib/sla/on-breach";

const BATCH = 200;

export async function markBreaches(db: PrismaClient, now: Date = new Date()): Promise<{ marked: number }> {
  let marked = 0;
  for (;;) {
    const batch = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<Array<{ id: string; owner_id: string | null; branch_code: string | null; due_at: Date }>>`
        UPDATE enrollments SET sla_breached_at = ${now}, sla_escalated_at = CASE WHEN owner_id IS NULL THEN ${now}::timestamptz END
        WHERE id IN (
          SELECT id FROM enrollments
          WHERE sla_stopped_at IS NULL AND sla_breached_at IS NULL AND due_at < ${now}
          ORDER BY due_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED
        ) AND sla_breached_at IS NULL AND sla_stopped_at IS NULL
        RETURNING id::text, owner_id::text, branch_code, due_at`;
      for (const row of rows) {
        const recipients = await breachRecipients(tx, { id: row.id, ownerId: row.owner_id, branchCode: row.branch_code });
        await onSlaBreached(tx, { enrollmentId: row.id, ...recipients, dueAt: row.due_at });
      }
      return rows.length;
    });
    marked += batch;
    if (batch < BATCH) return { marked };
  }
}
