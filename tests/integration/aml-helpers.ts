// Shared by the AML integration tests: a sandbox AMLYZE on a random port, the submission
// worker's deps against it, and an enrollment pushed to the sandbox core so it has a submission.
import pg from "pg";
import { runPush } from "@/lib/push/pipeline";
import type { TAmlSubmitDeps } from "@/lib/aml/submit";
import { createCircuitBreaker, type TCircuitBreaker } from "@/lib/integrations/amlyze/circuit-breaker";
import { createAmlyzeClient } from "@/lib/integrations/amlyze/client";
import { AMLYZE_DEFAULT_PATH } from "@/lib/integrations/amlyze/schemas";
import { createAmlyzeSandbox, type TAmlyzeSandbox, type TAmlyzeSandboxOptions } from "@/sandbox/amlyze-server";
import { prisma } from "./db";
import { openBodies } from "./pii-helpers";
import { intakeFixture, pushDeps, queuePush, type TCoreHarness } from "./push-helpers";

export const AMLYZE_TEST_TOKEN = "aml-test-token-5f1c";

export type TAmlyzeHarness = { sandbox: TAmlyzeSandbox; url: string; stop: () => Promise<void> };

export async function startAmlyze(options: Partial<TAmlyzeSandboxOptions> = {}): Promise<TAmlyzeHarness> {
  const sandbox = createAmlyzeSandbox({ token: AMLYZE_TEST_TOKEN, ...options });
  const url = await sandbox.listen(0, "127.0.0.1");
  return { sandbox, url, stop: () => sandbox.close() };
}

export function amlDeps(harness: TAmlyzeHarness, lockPool: pg.Pool, overrides: Partial<TAmlSubmitDeps> & { breaker?: TCircuitBreaker } = {}): TAmlSubmitDeps {
  return {
    db: prisma,
    lockPool,
    client: createAmlyzeClient({ baseUrl: harness.url, auth: { kind: "bearer", token: AMLYZE_TEST_TOKEN }, timeoutMs: 400 }),
    url: `${harness.url}${AMLYZE_DEFAULT_PATH}`,
    breaker: createCircuitBreaker({ name: "amlyze", failureThreshold: 100, windowMs: 60_000, cooldownMs: 30_000 }),
    attempts: 3,
    retryBaseMs: 0,
    retryMaxMs: 0,
    ...overrides,
  };
}

/** Intake + push to the sandbox core; returns the enrollment id once its push settled. */
export async function pushedEnrollment(core: TCoreHarness, lockPool: pg.Pool, mutate?: (body: Record<string, unknown>) => void): Promise<string> {
  const id = await intakeFixture(1, mutate);
  await queuePush(id, []);
  await runPush(pushDeps(core, lockPool), id);
  return id;
}

/** Submissions and their attempts with the stored (sealed) bodies opened. */
export const loadSubmissions = async (enrollmentId: string) =>
  openBodies(await prisma.amlSubmission.findMany({ where: { enrollmentId }, orderBy: { createdAt: "asc" } }));
export const loadAmlCalls = async (enrollmentId: string) =>
  openBodies(await prisma.outboundCall.findMany({ where: { enrollmentId, step: "amlyze_simplified_customer" }, orderBy: [{ startedAt: "asc" }, { attempt: "asc" }] }));
export const loadAmlJobs = (enrollmentId: string) =>
  prisma.$queryRaw<Array<{ task_identifier: string; run_at: Date; key: string | null }>>`
    SELECT t.identifier AS task_identifier, j.run_at, j.key FROM graphile_worker._private_jobs j
    JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    WHERE j.payload->>'enrollmentId' = ${enrollmentId} AND t.identifier = 'amlyze_submit'`;
