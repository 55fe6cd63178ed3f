// Applies prisma/migrations/*/migration.sql and records them in `_prisma_migrations` exactly
// as `prisma migrate deploy` does (sha256 checksum of the file), so both tools agree. Then the
// data migrations (lib/db/data-migrations.ts), which need the application's keys, and the grants of
// the application's database role (lib/db/app-role.ts). Run as the tables' owner.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Logger, runMigrations as installGraphileWorker } from "graphile-worker";
import pg from "pg";
import { grantApplicationRole } from "./app-role";
import { applyDataMigrations } from "./data-migrations";

const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");
// Prisma's own advisory lock key, so our runner and `prisma migrate` never run at once.
const PRISMA_MIGRATE_LOCK = 72707369;

export type TMigrationFile = { name: string; sql: string; checksum: string };

export function readMigrations(dir = MIGRATIONS_DIR): TMigrationFile[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

// graphile-worker announces each of its migrations; only problems are worth printing.
const quietWorkerLogger = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning") console.error(`[graphile-worker] ${message}`);
});

export type TMigrateOptions = {
  /** Another migrations folder (tests). */
  dir?: string;
  /** The application's database role, granted its rights after every run (lib/db/app-role.ts); none when one role does both. */
  appRole?: string | null;
};

/**
 * Applies pending migrations and data migrations, then installs or upgrades the job queue's own
 * schema (`graphile_worker`, versioned by graphile-worker itself), then grants the application's
 * role what it needs on whatever exists now. `connectionString` is the owner's. Returns the names
 * applied (data migrations as `data:<name>`).
 */
export async function applyMigrations(connectionString: string, options: TMigrateOptions = {}): Promise<string[]> {
  const done = await applyPrismaMigrations(connectionString, options.dir ?? MIGRATIONS_DIR);
  await installGraphileWorker({ connectionString, logger: quietWorkerLogger });
  const appRole = options.appRole;
  if (appRole) await underMigrationLock(connectionString, (client) => grantApplicationRole(client, appRole));
  return done;
}

/** Runs `work` on a connection of its own holding the migration lock (two runs at once must not both GRANT). */
export async function underMigrationLock<T>(connectionString: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK]);
    return await work(client);
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK]).catch(() => undefined);
    await client.end();
  }
}

/** Applies pending migrations, then data migrations; returns the names applied. Refuses an edited applied migration. */
async function applyPrismaMigrations(connectionString: string, dir: string): Promise<string[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const applied = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const byName = new Map(applied.rows.map((row) => [row.migration_name, row]));
    const done: string[] = [];
    for (const migration of readMigrations(dir)) {
      const previous = byName.get(migration.name);
      if (previous?.finished_at) {
        if (previous.checksum !== migration.checksum) {
          throw new Error(`Migration ${migration.name} was edited after it was applied (checksum differs)`);
        }
        continue;
      }
      if (previous) throw new Error(`Migration ${migration.name} failed earlier; resolve it by hand before continuing`);
      await client.query("BEGIN");
      try {
        const id = crypto.randomUUID();
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`,
          [id, migration.checksum, migration.name],
        );
        await client.query(migration.sql);
        await client.query(
          `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
          [id],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`);
      }
      done.push(migration.name);
    }
    const data = await applyDataMigrations(client);
    return [...done, ...data.map((name) => `data:${name}`)];
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK]).catch(() => undefined);
    await client.end();
  }
}
