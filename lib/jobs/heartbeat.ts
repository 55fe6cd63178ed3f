// The worker's heartbeat: a row in `worker_heartbeats` upserted every few seconds. It lives in
// PostgreSQL, not in a process, because the web processes that show the banner may run on other
// machines than the worker; the database's clock stamps it, so their clocks never disagree.
import os from "node:os";
import type pg from "pg";
import { logger as rootLogger } from "@/lib/logger";

const log = rootLogger.child({ component: "worker-heartbeat" });

/** Rows of workers gone this long are deleted at start, so the table stays a handful of rows. */
const FORGET_AFTER = "1 day";

export type THeartbeat = { id: string; stop: () => Promise<void> };

/** Starts beating now and every `intervalMs`; `stop` removes the row (a stopped worker is not alive). */
export async function startHeartbeat(pool: pg.Pool, intervalMs: number): Promise<THeartbeat> {
  const startedAt = new Date();
  const id = `${os.hostname()}:${process.pid}:${startedAt.getTime()}`;
  await pool.query(`DELETE FROM worker_heartbeats WHERE beat_at < now() - interval '${FORGET_AFTER}'`);
  const beat = () =>
    pool.query(
      `INSERT INTO worker_heartbeats (id, host, pid, started_at, beat_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (id) DO UPDATE SET beat_at = now()`,
      [id, os.hostname().slice(0, 255), process.pid, startedAt],
    );
  await beat();
  let failing = false;
  const timer = setInterval(() => {
    beat().then(
      () => {
        if (failing) log.info("heartbeat written again");
        failing = false;
      },
      (error: unknown) => {
        // Once per outage: the banner already tells the officers, the log tells the operator why.
        if (!failing) log.warn({ err: error }, "heartbeat could not be written");
        failing = true;
      },
    );
  }, intervalMs);
  timer.unref();
  return {
    id,
    async stop() {
      clearInterval(timer);
      await pool.query("DELETE FROM worker_heartbeats WHERE id = $1", [id]).catch(() => undefined);
    },
  };
}
