// A throw-away database on the server `baseUrl` points at, for tests and benchmarks that need
// an empty (or freshly migrated) schema of their own. Never used by the running console.
import pg from "pg";
import { roleOf, withDatabase } from "@/lib/db/app-role";
import { applyMigrations } from "@/lib/db/migrate";

export type TScratchDatabase = {
  /** The connection that created it, which owns (and migrated) it. */
  url: string;
  /** The application role's connection to it, granted as the real one (the owner's without `appUrl`). */
  appUrl: string;
  drop: () => Promise<void>;
};

export async function createScratchDatabase(
  baseUrl: string,
  options: {
    prefix: string;
    migrate: boolean;
    /** The application's connection to a database on the same server: the scratch one is granted to its role. */
    appUrl?: string;
  },
): Promise<TScratchDatabase> {
  const name = `${options.prefix}_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = withDatabase(baseUrl, name);
  const appRole = options.appUrl ? await roleOf(options.appUrl) : null;
  if (options.migrate) await applyMigrations(url, { appRole });
  return {
    url,
    appUrl: options.appUrl ? withDatabase(options.appUrl, name) : url,
    async drop() {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      // Pools close their connections a moment after end() resolves; terminating one of them
      // mid-close raises an error no listener catches. Wait for them (2 s at most), then force.
      for (let waited = 0; waited < 2_000; waited += 50) {
        const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1", [name]);
        if (rows[0]!.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
