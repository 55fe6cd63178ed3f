import "server-only";
import pg from "pg";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

const globalForPool = globalThis as unknown as { pgPool?: pg.Pool };

/**
 * Plain `pg` connections for the two paths Prisma does not fit: streaming a large read through a
 * server-side cursor (the AML CSV export; Prisma loads a whole result into memory) and the AMLYZE
 * webhook, whose short set-based statements per delivery cost several times more through
 * Prisma's raw queries (measured with bench/webhook-ingestion.ts). Everything else uses Prisma.
 */
export function pgPool(): pg.Pool {
  if (!globalForPool.pgPool) {
    const pool = new pg.Pool({ connectionString: env().DATABASE_URL, max: Number(process.env.DB_PG_POOL_MAX ?? 10) });
    // An idle connection the database drops (restart, failover) is only logged: the pool opens
    // another on the next query. Without a listener the error would end the process.
    pool.on("error", (error) => logger.warn({ err: error }, "idle database connection lost"));
    globalForPool.pgPool = pool;
  }
  return globalForPool.pgPool;
}
