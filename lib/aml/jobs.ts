// The durable job behind AML submissions, on the same graphile-worker queue as pushes. A job
// only says "send this enrollment's waiting AML submissions"; their state lives in
// aml_submissions (submit.ts), so a job run twice, late, or after a crash does no harm.
import type { Prisma } from "@/lib/generated/prisma/client";

export const AML_SUBMIT_TASK = "amlyze_submit";
export const AML_JOB_MAX_ATTEMPTS = 25;

export type TAmlJobPayload = { enrollmentId: string };

export const amlJobKey = (enrollmentId: string) => `amlyze:${enrollmentId}`;

/** Adds (or moves) the enrollment's job inside the caller's transaction; `runAt` null = now. */
export async function enqueueAmlSubmit(tx: Prisma.TransactionClient, enrollmentId: string, runAt: Date | null = null): Promise<void> {
  const payload = JSON.stringify({ enrollmentId } satisfies TAmlJobPayload);
  await tx.$executeRaw`SELECT graphile_worker.add_job(${AML_SUBMIT_TASK}::text, ${payload}::json, run_at := ${runAt}::timestamptz, job_key := ${amlJobKey(enrollmentId)}::text, max_attempts := ${AML_JOB_MAX_ATTEMPTS}::int)`;
}
