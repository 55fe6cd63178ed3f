import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** What the console knows about its push workers, from their heartbeats. */
export type TWorkerLiveness = {
  /** True when some worker has beaten within `staleSeconds`. */
  alive: boolean;
  /** Workers that beat within `staleSeconds`. */
  workers: number;
  /** The newest beat of any worker (ISO), or null when no worker has beaten (or all stopped). */
  lastBeatAt: string | null;
  /** Seconds from that beat to the database's now, or null with it. */
  secondsSinceBeat: number | null;
  staleSeconds: number;
};

/**
 * One query, answered from the beat_at index over a table of a handful of rows; ages are
 * measured on the database's clock, which stamped the beats.
 */
export async function workerLiveness(db: Pick<PrismaClient, "$queryRaw">, options: { staleSeconds: number }): Promise<TWorkerLiveness> {
  const { staleSeconds } = options;
  const [row] = await db.$queryRaw<{ last: Date | null; age: number | null; live: number }[]>`
    SELECT max(beat_at) AS last,
           extract(epoch FROM now() - max(beat_at))::float8 AS age,
           count(*) FILTER (WHERE beat_at > now() - make_interval(secs => ${staleSeconds}::float8))::int AS live
    FROM worker_heartbeats`;
  const workers = row?.live ?? 0;
  return {
    alive: workers > 0,
    workers,
    lastBeatAt: row?.last ? row.last.toISOString() : null,
    secondsSinceBeat: row?.age === null || row?.age === undefined ? null : Math.max(0, Math.round(row.age)),
    staleSeconds,
  };
}
