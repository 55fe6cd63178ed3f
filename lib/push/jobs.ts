// The durable job queue behind pushes: graphile-worker's tables in PostgreSQL. A job only says
// "advance the push of this enrollment"; the state itself lives in the enrollment (pipeline.ts),
// so a job run twice, late, or after a crash does no harm.
import type { Prisma } from "@/lib/generated/prisma/client";

export const PUSH_TASK = "push_enrollment";
const MAX_JOB_ATTEMPTS = 25;

export type TPushJobPayload = { enrollmentId: string };

export const pushJobKey = (enrollmentId: string) => `push:${enrollmentId}`;

/**
 * Adds the job inside the caller's transaction, so "status = pushing" and "a job exists" commit
 * together or not at all. One key per enrollment: a second add replaces a waiting job instead of
 * queueing another.
 */
export async function enqueuePush(tx: Prisma.TransactionClient, enrollmentId: string): Promise<void> {
  const payload = JSON.stringify({ enrollmentId } satisfies TPushJobPayload);
  await tx.$executeRaw`SELECT graphile_worker.add_job(${PUSH_TASK}::text, ${payload}::json, job_key := ${pushJobKey(enrollmentId)}::text, max_attempts := ${MAX_JOB_ATTEMPTS}::int)`;
}
