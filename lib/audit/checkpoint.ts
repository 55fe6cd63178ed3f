// Checkpoints of the audit chain's head. The hash chain shows a row edited or removed in the middle,
// but not rows removed from its end: what is left is still a chain. So the push worker writes down
// the head (its id, its place in the chain, its hash) every AUDIT_CHECKPOINT_MS while it moves,
// into audit_checkpoints (append-only; the application's role may only insert) and into its log,
// which an operator ships elsewhere. `npm run audit:verify` holds the chain against both.
import type pg from "pg";
import { logger as rootLogger } from "@/lib/logger";

const log = rootLogger.child({ component: "audit-checkpoint" });

/** A row of the chain: its id, its place (1 = the first row) and its hash. */
export type TChainRow = { eventId: string; position: number; hash: string };

/**
 * Records the head unless it is recorded already; returns the new checkpoint. Its place is
 * counted on from the latest checkpoint the chain still holds, so a checkpoint costs a count of
 * the rows since then, not of the whole table.
 */
export async function recordAuditCheckpoint(db: pg.Pool | pg.Client): Promise<TChainRow | null> {
  const { rows } = await db.query<{ event_id: string; position: string; hash: string }>(
    `WITH head AS (SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1),
     last AS (
       SELECT c.event_id, c.position FROM audit_checkpoints c JOIN audit_events e ON e.id = c.event_id AND e.hash = c.hash
       ORDER BY c.id DESC LIMIT 1)
     INSERT INTO audit_checkpoints (event_id, position, hash)
     SELECT head.id,
       coalesce((SELECT position FROM last), 0)
         + (SELECT count(*) FROM audit_events e WHERE e.id > coalesce((SELECT event_id FROM last), 0) AND e.id <= head.id),
       head.hash
     FROM head
     ON CONFLICT (event_id) DO NOTHING
     RETURNING event_id::text, position::text, hash`,
  );
  const row = rows[0];
  return row ? { eventId: row.event_id, position: Number(row.position), hash: row.hash } : null;
}

/** Records a checkpoint now and every `intervalMs`, each in the log too; `stop` ends it. */
export function startAuditCheckpoints(pool: pg.Pool, intervalMs: number): { stop: () => Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = recordAuditCheckpoint(pool).then(
      (checkpoint) => {
        // The line to ship off this machine: `npm run audit:verify -- --head <hash>` checks against it.
        if (checkpoint) log.info({ auditHead: checkpoint }, "audit chain checkpoint");
      },
      (error: unknown) => log.warn({ err: error }, "audit chain checkpoint could not be written"),
    );
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
