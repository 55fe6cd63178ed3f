// The application connects as a role that owns nothing (DATABASE_URL, which scripts/with-db.ts
// makes when given a superuser's URL): it reads and writes rows, appends to the audit log, and
// cannot step around the log's protections, which its owner or a superuser could.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APPEND_ONLY_TABLES } from "@/lib/db/app-role";
import { ownerDatabaseUrl, prisma } from "./db";

let app: pg.Client;
let owner: pg.Client;
let role: string;

beforeAll(async () => {
  app = new pg.Client({ connectionString: process.env.DATABASE_URL });
  owner = new pg.Client({ connectionString: ownerDatabaseUrl() });
  await Promise.all([app.connect(), owner.connect()]);
  role = (await app.query<{ me: string }>("SELECT current_user AS me")).rows[0]!.me;
});
afterAll(async () => {
  await Promise.all([app.end(), owner.end()]);
});

/** The error `sql` fails with, as the application's role (inside a transaction rolled back). */
async function refusal(sql: string): Promise<string> {
  await app.query("BEGIN");
  try {
    await app.query(sql);
    return "(accepted)";
  } catch (error) {
    return (error as Error).message;
  } finally {
    await app.query("ROLLBACK");
  }
}

describe("the application's database role", () => {
  it("is the application code's own connection, a login with no other power, not the owner, owning nothing", async () => {
    expect((await prisma.$queryRaw<Array<{ me: string }>>`SELECT current_user AS me`)[0]!.me).toBe(role);
    const { rows } = await owner.query("SELECT rolcanlogin, rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls FROM pg_roles WHERE rolname = $1", [role]);
    expect(rows[0]).toEqual({ rolcanlogin: true, rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolreplication: false, rolbypassrls: false });
    const tableOwner = (await owner.query<{ o: string }>("SELECT tableowner AS o FROM pg_tables WHERE tablename = 'audit_events'")).rows[0]!.o;
    expect(tableOwner).not.toBe(role);
    const owned = await owner.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM pg_class WHERE relowner = $1::regrole) + (SELECT count(*) FROM pg_namespace WHERE nspowner = $1::regrole)
         + (SELECT count(*) FROM pg_proc WHERE proowner = $1::regrole) + (SELECT count(*) FROM pg_type WHERE typowner = $1::regrole) AS n`,
      [role],
    );
    expect(Number(owned.rows[0]!.n)).toBe(0);
  });

  it("cannot set session_replication_role, disable or drop the triggers, or change audit rows", async () => {
    expect(await refusal("SET session_replication_role = replica")).toMatch(/permission denied to set parameter "session_replication_role"/);
    expect(await refusal("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete")).toMatch(/must be owner/);
    expect(await refusal("ALTER TABLE audit_events DISABLE TRIGGER ALL")).toMatch(/must be owner/);
    expect(await refusal("DROP TRIGGER audit_events_chain ON audit_events")).toMatch(/must be owner/);
    expect(await refusal("DROP TABLE audit_checkpoints")).toMatch(/must be owner/);
    expect(await refusal("CREATE TABLE audit_events_copy (id bigint)")).toMatch(/permission denied for schema public/);
    for (const table of APPEND_ONLY_TABLES) {
      expect(await refusal(`UPDATE ${table} SET id = id`)).toMatch(new RegExp(`permission denied for table ${table}`));
      expect(await refusal(`DELETE FROM ${table}`)).toMatch(new RegExp(`permission denied for table ${table}`));
      expect(await refusal(`TRUNCATE ${table}`)).toMatch(new RegExp(`permission denied for table ${table}`));
    }
    // Nor read the test run's secrets.
    expect(await refusal("SELECT * FROM test_support.secrets")).toMatch(/permission denied for schema test_support/);
    // It appends to the log and reads it, and queues jobs (graphile-worker's tables have row-level security), as the console does.
    expect(await refusal("INSERT INTO audit_events (actor_label, action) VALUES ('test', 'test.app_role') RETURNING (SELECT count(*) FROM audit_events)")).toBe("(accepted)");
    expect(await refusal("SELECT graphile_worker.add_job('test_app_role', '{}'::json), (SELECT count(*) FROM graphile_worker.jobs)")).toBe("(accepted)");
  });

  it("may only append to every table with an append-only trigger, and read and write every other table, even one made after the last grant", async () => {
    const { rows: guarded } = await owner.query<{ name: string }>(
      `SELECT DISTINCT c.relname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
       WHERE c.relnamespace = 'public'::regnamespace AND p.proname LIKE '%append_only%' ORDER BY 1`,
    );
    expect(guarded.map((r) => r.name)).toEqual([...APPEND_ONLY_TABLES].sort());
    const { rows } = await owner.query<{ name: string; s: boolean; i: boolean; u: boolean; d: boolean; t: boolean }>(
      `SELECT CASE WHEN c.relnamespace = 'public'::regnamespace THEN '' ELSE 'graphile_worker.' END || relname AS name, has_table_privilege($1, c.oid, 'SELECT') AS s, has_table_privilege($1, c.oid, 'INSERT') AS i,
         has_table_privilege($1, c.oid, 'UPDATE') AS u, has_table_privilege($1, c.oid, 'DELETE') AS d, has_table_privilege($1, c.oid, 'TRUNCATE') AS t
       FROM pg_class c WHERE c.relnamespace IN ('public'::regnamespace, 'graphile_worker'::regnamespace) AND c.relkind = 'r' ORDER BY 1`,
      [role],
    );
    expect(rows.map((r) => r.name)).toContain("graphile_worker._private_jobs");
    const rights = Object.fromEntries(rows.map(({ name, ...r }) => [name, Object.entries(r).filter(([, on]) => on).map(([p]) => p).join("")]));
    for (const [name, granted] of Object.entries(rights)) {
      if ((APPEND_ONLY_TABLES as readonly string[]).includes(name)) expect([name, granted]).toEqual([name, "si"]);
      else if (["_prisma_migrations", "data_migrations", "graphile_worker.migrations"].includes(name)) expect([name, granted]).toEqual([name, "s"]);
      else expect([name, granted]).toEqual([name, "siud"]);
    }
    // A table made after the last grant (as `prisma migrate deploy` would make one) is granted too: default privileges.
    await owner.query("BEGIN");
    try {
      await owner.query("CREATE TABLE x_probe_default_privileges (id bigserial PRIMARY KEY)");
      const probe = await owner.query<{ ok: boolean }>(
        `SELECT bool_and(has_table_privilege($1, 'x_probe_default_privileges', p)) AND has_sequence_privilege($1, 'x_probe_default_privileges_id_seq', 'USAGE') AS ok
         FROM unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE']) AS p`,
        [role],
      );
      expect(probe.rows[0]!.ok).toBe(true);
    } finally {
      await owner.query("ROLLBACK");
    }
  });
});
