// The SLA's jobs on the worker's graphile-worker queue: the breach sweep (cron, every minute) and
// the recomputation of open enrollments' due times after an admin changes the calendar or a target.
import type { Prisma } from "@/lib/generated/prisma/client";

export const SLA_RECOMPUTE_TASK = "sla_recompute";
export const SLA_BREACH_TASK = "sla_breaches";

/** graphile-worker's crontab line for the breach sweep. */
export const SLA_CRONTAB = `* * * * * ${SLA_BREACH_TASK}`;

/**
 * Adds the recomputation inside the settings change's transaction, so the change and the job commit
 * together. One key: changes in quick succession share one waiting job (it reads the settings when it runs).
 */
export async function enqueueSlaRecompute(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`SELECT graphile_worker.add_job(${SLA_RECOMPUTE_TASK}::text, '{}'::json, job_key := 'sla:recompute', max_attempts := 10)`;
}
