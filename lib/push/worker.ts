// The push worker: graphile-worker runs `push_enrollment` and `amlyze_submit` jobs; a sweep
// re-enqueues pushes and AML submissions whose worker died (its advisory lock is gone with its
// connection), at start and every few seconds. The core's and AMLYZE's settings are read per job
// (environment first, then what an admin stored): while AMLYZE is not configured, an AML job
// fails and graphile-worker tries it again later, so it runs once an admin completes the settings.
// It also beats (lib/jobs/heartbeat.ts) and checkpoints the audit chain (lib/audit/checkpoint.ts).
import http from "node:http";
import { Logger, run, runMigrations, type Runner } from "graphile-worker";
import pg from "pg";
import { z } from "zod";
import { AML_JOB_MAX_ATTEMPTS, AML_SUBMIT_TASK, amlJobKey, type TAmlJobPayload } from "@/lib/aml/jobs";
import { amlWorkerSettings, type TAmlWorkerSettings } from "@/lib/aml/settings";
import { amlSubmissionTarget } from "@/lib/aml/submission-settings";
import { amlLockKey, runAmlSubmissions, type TAmlSubmitDeps } from "@/lib/aml/submit";
import { startAuditCheckpoints } from "@/lib/audit/checkpoint";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createCircuitBreaker, type TCircuitBreaker } from "@/lib/integrations/amlyze/circuit-breaker";
import { createAmlyzeClient } from "@/lib/integrations/amlyze/client";
import { createCoreClient } from "@/lib/integrations/core/client";
import { startHeartbeat } from "@/lib/jobs/heartbeat";
import { logger as rootLogger } from "@/lib/logger";
import { coreConnection, coreSettings } from "@/lib/settings/integrations";
import { SLA_BREACH_INTERVAL_MS, SLA_RECOMPUTE_TASK } from "@/lib/sla/jobs";
import { markBreaches } from "@/lib/sla/mark-breaches";
import { recomputeDueTimes } from "@/lib/sla/recompute-due-times";
import { PUSH_TASK, pushJobKey, type TPushJobPayload } from "./jobs";
import { runPush, type TCrashPoint, type TPushDeps } from "./pipeline";

const log = rootLogger.child({ component: "push-worker" });

/** graphile-worker's log lines go through pino (and its redaction) like everything else. */
export const workerLogger = new Logger((scope) => (level, message, meta) => {
  const fields = { ...scope, ...(meta ?? {}) };
  if (level === "error") log.error(fields, message);
  else if (level === "warning") log.warn(fields, message);
  // graphile-worker's "info" is one line per job (with its payload): debug material here.
  else log.debug(fields, message);
});

/** Installs or upgrades graphile-worker's own schema (`graphile_worker`). */
export async function installJobQueue(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger: workerLogger });
}

// CORE_* are optional: unset, the core settings an admin stored are used (read per job).
const ZWorkerEnv = z.object({
  CORE_BASE_URL: z.url({ error: "CORE_BASE_URL must be the core's base URL" }).optional(),
  CORE_USERNAME: z.string().optional(),
  CORE_PASSWORD: z.string().optional(),
  CORE_TIMEOUT_MS: z.string().regex(/^\d+$/, { error: "CORE_TIMEOUT_MS must be milliseconds" }).optional(),
  PUSH_CUSTOMER_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(4),
  PUSH_PRODUCT_NOT_SENT_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
  PUSH_RETRY_BASE_MS: z.coerce.number().int().min(0).default(1_000),
  PUSH_RETRY_MAX_MS: z.coerce.number().int().min(0).default(15_000),
  PUSH_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
  PUSH_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).default(10_000),
  /** How often the worker marks SLA breaches (lib/sla/mark-breaches.ts). */
  SLA_BREACH_INTERVAL_MS: z.coerce.number().int().min(100).default(SLA_BREACH_INTERVAL_MS),
  /** How often the worker stamps `worker_heartbeats`; keep it well under WORKER_STALE_SECONDS. */
  WORKER_HEARTBEAT_MS: z.coerce.number().int().min(100).default(5_000),
  /** How often the worker records the audit chain's head (lib/audit/checkpoint.ts). */
  AUDIT_CHECKPOINT_MS: z.coerce.number().int().min(100).default(60_000),
});
export type TWorkerEnv = z.infer<typeof ZWorkerEnv> & { amlyze: TAmlWorkerSettings };

export function workerEnv(env: Record<string, string | undefined> = process.env): TWorkerEnv {
  const parsed = ZWorkerEnv.safeParse(env);
  if (!parsed.success) {
    // Paths only: values may be credentials.
    throw new Error(`Invalid worker environment:\n${parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}`);
  }
  return { ...parsed.data, amlyze: amlWorkerSettings(env) };
}

export type TStartWorkerOptions = {
  connectionString: string;
  db: PrismaClient;
  env: TWorkerEnv;
  crashpoint?: (point: TCrashPoint) => void;
  /** Serves GET /healthz (200 while the runner is alive) for a process supervisor. */
  healthPort?: number;
};

export type TPushWorker = {
  stop: () => Promise<void>;
  sweep: () => Promise<number>;
  /** Settles when the job runner ends by itself (a lost database): the process should exit and be restarted. */
  ended: Promise<void>;
};

/** Re-enqueues `key` unless its advisory lock is held (then a worker is on it). */
async function reenqueueIfFree(pool: pg.Pool, lockKey: string, task: string, payload: object, jobKey: string, maxAttempts: number, runAt: Date | null) {
  const client = await pool.connect();
  try {
    const lock = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS ok", [lockKey]);
    if (!lock.rows[0]?.ok) return false;
    try {
      // A job still waiting is replaced, not doubled; a stale locked one loses its key.
      await client.query("SELECT graphile_worker.add_job($1::text, $2::json, run_at := $3::timestamptz, job_key := $4::text, max_attempts := $5::int)", [
        task,
        JSON.stringify(payload),
        runAt,
        jobKey,
        maxAttempts,
      ]);
      return true;
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtextextended($1, 0))", [lockKey]);
    }
  } finally {
    client.release();
  }
}

/**
 * Re-enqueues the AML submissions nobody is working on: one left `sending` by a dead worker, or
 * one overdue by more than `graceMs` (its job was lost with a killed worker's lock).
 */
export async function sweepOrphanedAmlSubmissions(pool: pg.Pool, graceMs: number): Promise<number> {
  const { rows } = await pool.query<{ enrollment_id: string; run_at: Date | null }>(
    `SELECT enrollment_id, min(next_attempt_at) AS run_at FROM aml_submissions
     WHERE status = 'sending' OR (status = 'queued' AND coalesce(next_attempt_at, updated_at) < now() - make_interval(secs => $1::double precision / 1000))
     GROUP BY enrollment_id`,
    [graceMs],
  );
  let count = 0;
  for (const { enrollment_id: id, run_at: runAt } of rows) {
    const payload: TAmlJobPayload = { enrollmentId: id };
    if (await reenqueueIfFree(pool, amlLockKey(id), AML_SUBMIT_TASK, payload, amlJobKey(id), AML_JOB_MAX_ATTEMPTS, runAt)) count += 1;
  }
  return count;
}

/**
 * Re-enqueues every push whose lock nobody holds: its worker died, or its job was lost. A push
 * whose lock is held is running; leave it alone. Returns how many were re-enqueued.
 */
export async function sweepOrphanedPushes(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ id: string }>("SELECT id FROM enrollments WHERE status = 'pushing'");
  let count = 0;
  for (const { id } of rows) {
    if (await reenqueueIfFree(pool, `push:${id}`, PUSH_TASK, { enrollmentId: id } satisfies TPushJobPayload, pushJobKey(id), 25, null)) count += 1;
  }
  return count;
}

/**
 * The AML side of the worker: per job, the settings in force now. The circuit breaker stays with
 * the process (it must remember failures across jobs) but starts afresh when the target URL
 * changes: an admin correcting a wrong URL must not wait out the old one's cool-down.
 */
function amlRuntime(db: PrismaClient, pool: pg.Pool, settings: TAmlWorkerSettings) {
  let breaker: { url: string; breaker: TCircuitBreaker } | undefined;
  const breakerFor = (url: string) => {
    if (breaker?.url !== url) {
      breaker = {
        url,
        breaker: createCircuitBreaker({
          name: "amlyze",
          ...settings.breaker,
          onStateChange: (from, to) => log.warn({ breaker: "amlyze", from, to }, "AMLYZE circuit breaker changed state"),
        }),
      };
    }
    return breaker.breaker;
  };
  return {
    /** Throws (so graphile-worker retries the job later) while AMLYZE is not configured. */
    async depsForRun(): Promise<TAmlSubmitDeps> {
      const { connection } = await amlSubmissionTarget(db, settings);
      if (!connection.ok) throw new Error(`AMLYZE is not configured (missing ${connection.missing.join(", ")}); set it in Admin → Integrations or AMLYZE_*`);
      const { baseUrl, path, auth, timeoutMs, url } = connection;
      return {
        db,
        lockPool: pool,
        client: createAmlyzeClient({ baseUrl, path, auth, timeoutMs, logger: log }),
        url,
        breaker: breakerFor(url),
        attempts: settings.attempts,
        retryBaseMs: settings.retryBaseMs,
        retryMaxMs: settings.retryMaxMs,
      };
    },
    async configured(): Promise<boolean> {
      return (await amlSubmissionTarget(db, settings)).connection.ok;
    },
  };
}

/**
 * The core client for one job run, from the settings in force now (CORE_* win, then what an admin
 * stored): a password changed in the console is used by the next push, without a restart.
 */
async function coreForRun(db: PrismaClient, env: TWorkerEnv): Promise<Pick<TPushDeps, "core" | "coreBaseUrl">> {
  const { CORE_BASE_URL, CORE_USERNAME, CORE_PASSWORD, CORE_TIMEOUT_MS } = env;
  const connection = coreConnection(await coreSettings(db, { env: { CORE_BASE_URL, CORE_USERNAME, CORE_PASSWORD, CORE_TIMEOUT_MS } }));
  // Thrown, so graphile-worker retries the job: it runs once an admin completes the settings.
  if (!connection.ok) throw new Error(`the core is not configured (missing ${connection.missing.join(", ")}); set it in Admin → Integrations or CORE_*`);
  const { baseUrl, username, password, timeoutMs } = connection;
  return { core: createCoreClient({ baseUrl, username, password, timeoutMs, logger: log }), coreBaseUrl: baseUrl };
}

export async function startPushWorker(options: TStartWorkerOptions): Promise<TPushWorker> {
  const { env } = options;
  const pool = new pg.Pool({ connectionString: options.connectionString, max: env.PUSH_WORKER_CONCURRENCY + 2 });
  // A lost idle connection (database restart) must not end the worker; a push that held its lock
  // on it is found by the sweep once the lock is gone.
  pool.on("error", (error) => log.warn({ err: error }, "idle lock connection lost"));
  const deps: Omit<TPushDeps, "core" | "coreBaseUrl" | "amlMessage"> = {
    db: options.db,
    lockPool: pool,
    customerAttempts: env.PUSH_CUSTOMER_ATTEMPTS,
    productNotSentAttempts: env.PUSH_PRODUCT_NOT_SENT_ATTEMPTS,
    retryBaseMs: env.PUSH_RETRY_BASE_MS,
    retryMaxMs: env.PUSH_RETRY_MAX_MS,
    crashpoint: options.crashpoint,
  };
  const aml = amlRuntime(options.db, pool, env.amlyze);
  if (!(await aml.configured())) log.warn("AMLYZE is not configured (Admin → Integrations or AMLYZE_*): AML submissions wait, queued, until it is");

  await installJobQueue(options.connectionString);
  const runner: Runner = await run({
    connectionString: options.connectionString,
    concurrency: env.PUSH_WORKER_CONCURRENCY,
    noHandleSignals: true,
    pollInterval: 1_000,
    logger: workerLogger,
    taskList: {
      [PUSH_TASK]: async (payload) => {
        const { enrollmentId } = z.object({ enrollmentId: z.uuid() }).parse(payload);
        // The message settings in force now: a push records its AML submission with them.
        const { message } = await amlSubmissionTarget(options.db, env.amlyze);
        const result = await runPush({ ...deps, ...(await coreForRun(options.db, env)), amlMessage: message }, enrollmentId);
        // Thrown so graphile-worker tries again shortly: the lock holder may be just finishing.
        if (result.kind === "busy") throw new Error(`push of ${enrollmentId} is held by another worker; retrying later`);
        log.info({ enrollmentId, result }, "push run ended");
      },
      [AML_SUBMIT_TASK]: async (payload: unknown) => {
        const { enrollmentId } = z.object({ enrollmentId: z.uuid() }).parse(payload);
        const result = await runAmlSubmissions(await aml.depsForRun(), enrollmentId);
        if (result.kind === "busy") throw new Error(`AML submissions of ${enrollmentId} are held by another worker; retrying later`);
        log.info({ enrollmentId, result }, "AML run ended");
      },
      [SLA_RECOMPUTE_TASK]: async () => {
        const { updated } = await recomputeDueTimes(options.db);
        log.info({ updated }, "SLA due times recomputed");
      },
    },
  });

  const sweep = async () => {
    const pushes = await sweepOrphanedPushes(pool);
    if (pushes > 0) log.warn({ count: pushes }, "re-enqueued pushes left by a stopped worker");
    // While AMLYZE is not configured, waking its jobs would only fail them again.
    const submissions = (await aml.configured()) ? await sweepOrphanedAmlSubmissions(pool, env.PUSH_SWEEP_INTERVAL_MS * 3) : 0;
    if (submissions > 0) log.warn({ count: submissions }, "re-enqueued AML submissions left by a stopped worker");
    return pushes + submissions;
  };
  await sweep();
  const timer = setInterval(() => {
    sweep().catch((error: unknown) => log.error({ err: error }, "push sweep failed"));
  }, env.PUSH_SWEEP_INTERVAL_MS);
  timer.unref();
  // The SLA's breach sweep: safe with several workers (lib/sla/mark-breaches.ts marks each once).
  const breaches = setInterval(() => {
    markBreaches(options.db)
      .then(({ marked }) => {
        if (marked > 0) log.info({ marked }, "SLA breaches marked");
      })
      .catch((error: unknown) => log.error({ err: error }, "SLA breach sweep failed"));
  }, env.SLA_BREACH_INTERVAL_MS);
  breaches.unref();

  // Beats only once the runner takes jobs: a beat promises that a queued push will be picked up.
  const heartbeat = await startHeartbeat(pool, env.WORKER_HEARTBEAT_MS);
  const checkpoints = startAuditCheckpoints(pool, env.AUDIT_CHECKPOINT_MS);

  let health: http.Server | undefined;
  if (options.healthPort !== undefined) {
    health = http.createServer((req, res) => {
      const ok = req.url === "/healthz";
      res.writeHead(ok ? 200 : 404, { "Content-Type": "text/plain" }).end(ok ? "ok" : "not found");
    });
    await new Promise<void>((resolve) => health!.listen(options.healthPort, "127.0.0.1", resolve));
  }

  let stopping = false;
  return {
    sweep,
    ended: runner.promise.then(
      () => {
        if (!stopping) throw new Error("the job runner stopped by itself");
      },
      (error: unknown) => {
        if (!stopping) throw error;
      },
    ),
    async stop() {
      stopping = true;
      clearInterval(timer);
      clearInterval(breaches);
      await heartbeat.stop();
      await checkpoints.stop();
      health?.close();
      await runner.stop();
      await pool.end();
    },
  };
}
