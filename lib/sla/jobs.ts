// The SLA's background work in the worker: the breach sweep every minute (a timer like the push
// sweep rather than a graphile-worker cron, so no job row appears and goes every minute) and, on
// the graphile-worker queue, the recomputation of open enrollments' due times after an admin
// changes the calendar, a target or the holidays.
import type { Prisma } from "@/lib/generated/prisma/client";

export const SLA_RECOMPUTE_TASK = "sla_recompute";
/** How often the worker looks for new breaches, unless SLA_BREACH_INTERVAL_MS says otherwise. */
export const SLA_BREACH_INTERVAL_MS = 60_000;

/**
 * Adds the recomputation inside the settings change's transaction, so the change and the job commit
 * together. One key: changes in quick succession share one waiting job (it reads the settings when it runs).
 */
export async function enqueueSlaRecompute(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`SELECT graphile_worker.add_job(${SLA_RECOMPUTE_TASK}::text, '{}'::json, run_at := now() + make_interval(secs => ${SLA_RECOMPUTE_DELAY_S}), job_key := 'sla:recompute', max_attempts := 10)`;
}

/**
 * The recomputation waits until every process's remembered settings have expired
 * (SLA_CONFIG_CACHE_MS), so it also corrects enrollments received meanwhile with the old ones.
 */
export const SLA_RECOMPUTE_DELAY_S = 10;
