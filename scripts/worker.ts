// The push worker process: `tsx --conditions=react-server scripts/worker.ts`.
// Reads DATABASE_URL from the environment, and the core's settings per job (CORE_* win over what an
// admin stored; SETTINGS_ENCRYPTION_KEYS opens the stored password). Several may run against one database.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { piiKeys } from "@/lib/crypto/pii";
import { settingsKeyring } from "@/lib/crypto/secrets";
import { logger } from "@/lib/logger";
import type { TCrashPoint } from "@/lib/push/pipeline";
import { startPushWorker, workerEnv } from "@/lib/push/worker";
import { nameDatabaseConnections } from "@/lib/db/application-name";

/**
 * Test-only (NODE_ENV=test): EC_TEST_CRASH_AT="<point>:<n>" kills this process with SIGKILL at the
 * n-th time the pipeline reaches <point>, the way a power cut would: no cleanup, no rollback code.
 */
function testCrashpoint(): ((point: TCrashPoint) => void) | undefined {
  const spec = process.env.EC_TEST_CRASH_AT;
  if (!spec || process.env.NODE_ENV !== "test") return undefined;
  const [target, nth] = spec.split(":");
  let seen = 0;
  return (point) => {
    if (point !== target) return;
    seen += 1;
    if (seen !== Number(nth ?? 1)) return;
    // After "after_send" the request is on its way: give it a moment to reach the core.
    const delay = point === "after_send" ? Number(process.env.EC_TEST_CRASH_DELAY_MS ?? 20) : 0;
    const kill = () => process.kill(process.pid, "SIGKILL");
    if (delay > 0) setTimeout(kill, delay);
    else kill();
  };
}

async function main() {
  nameDatabaseConnections("worker");
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is required");
  const env = workerEnv();
  // A bad SETTINGS_ENCRYPTION_KEYS or PII key stops the worker here, not at its first push.
  settingsKeyring();
  piiKeys();
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString, max: env.PUSH_WORKER_CONCURRENCY + 2 }) });
  const healthPort = process.env.WORKER_HEALTH_PORT ? Number(process.env.WORKER_HEALTH_PORT) : undefined;
  const worker = await startPushWorker({ connectionString, db, env, crashpoint: testCrashpoint(), healthPort });
  logger.info({ concurrency: env.PUSH_WORKER_CONCURRENCY, core: env.CORE_BASE_URL ?? "from the console's settings" }, "push worker started");
  let stopping = false;
  const shutdown = () => {
    if (stopping) process.exit(1);
    stopping = true;
    // graphile-worker lets running jobs finish; a push cut short resumes on the next start anyway.
    worker
      .stop()
      .then(() => db.$disconnect())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  // Started by the console's supervisor (scripts/with-db.ts) with a channel to it: if the
  // supervisor dies without stopping us (SIGKILL), the channel closes and we stop too, rather than
  // live on as an orphan nobody supervises.
  if (process.send) process.once("disconnect", shutdown);
  worker.ended.catch((error: unknown) => {
    if (stopping) return;
    logger.error({ err: error }, "push worker's job runner ended; exiting so the supervisor starts another");
    process.exit(1);
  });
}

main().catch((error: unknown) => {
  logger.error({ err: error }, "push worker failed to start");
  process.exit(1);
});
