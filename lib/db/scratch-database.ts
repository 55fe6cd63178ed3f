// A throw-away database on the server `baseUrl` points at, for tests and benchmarks that need
// an empty (or freshly migrated) schema of their own. Never used by the running console.
import pg from "pg";
import { applyMigrations } from "@/lib/db/migrate";

export type TScratchDatabase = { url: string; drop: () => Promise<void> };

export async function createScratchDatabase(
  baseUrl: string,
  options: { prefix: string; migrate: boolean },
): Promise<TScratchDatabase> {
  const name = `${options.prefix}_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  if (options.migrate) await applyMigrations(url.toString());
  return {
    url: url.toString(),
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
