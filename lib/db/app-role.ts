// What the application's database role may do. The application (web, push worker, intake and
// webhook services) connects as a role that owns nothing: it reads and writes rows, but cannot
// change a table, disable a trigger or `SET session_replication_role`, which a table's owner or a
// superuser can, and which would let it rewrite the audit log. Migrations run as the owner, and
// every run of them ends here (lib/db/migrate.ts), so a table a migration adds is granted without
// anyone writing a GRANT; default privileges cover tables made by any other path
// (`prisma migrate deploy`) until the next run.
import pg from "pg";

/**
 * Tables the application may only read and append to: each also has a trigger refusing UPDATE,
 * DELETE and TRUNCATE from anyone (tests/integration/database-roles.int.test.ts checks that every
 * table with such a trigger is listed here).
 */
export const APPEND_ONLY_TABLES = ["audit_events", "audit_checkpoints", "enrollment_notes"] as const;

/** The migration runners' bookkeeping: the application reads it at most. */
const OWNER_WRITTEN_TABLES = ["public._prisma_migrations", "public.data_migrations", "graphile_worker.migrations"] as const;

/** The schemas the application works in: ours, and graphile-worker's job queue. */
const SCHEMAS = ["public", "graphile_worker"] as const;

const ROW_PRIVILEGES = "SELECT, INSERT, UPDATE, DELETE";

/**
 * Grants `role` what the application needs and nothing else. Run by the owner, after the
 * migrations, under the migration lock; idempotent. Does nothing when `role` is the connection's
 * own (one role doing both, which the caller warns about): revoking from the owner would lock it
 * out of its own tables.
 */
export async function grantApplicationRole(client: pg.Client, role: string): Promise<void> {
  const { rows } = await client.query<{ me: string; exists: boolean }>("SELECT current_user AS me, EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS exists", [role]);
  if (rows[0]!.me === role) return;
  if (!rows[0]!.exists) throw new Error(`the application's database role ${role} does not exist: create it (LOGIN, owning nothing) before migrating`);
  const app = client.escapeIdentifier(role);
  const statements: string[] = [];
  for (const schema of SCHEMAS) {
    const exists = await client.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [schema]);
    if (exists.rowCount === 0) continue;
    const s = client.escapeIdentifier(schema);
    statements.push(
      `GRANT USAGE ON SCHEMA ${s} TO ${app}`,
      `GRANT ${ROW_PRIVILEGES} ON ALL TABLES IN SCHEMA ${s} TO ${app}`,
      `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${s} TO ${app}`,
      `ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} GRANT ${ROW_PRIVILEGES} ON TABLES TO ${app}`,
      `ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} GRANT USAGE, SELECT ON SEQUENCES TO ${app}`,
    );
  }
  /** Those of `tables` (schema.table) that exist, quoted. */
  const present = async (tables: readonly string[]) =>
    (
      await client.query<{ name: string }>(
        "SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname || '.' || c.relname = ANY($1)",
        [tables],
      )
    ).rows.map((r) => r.name);
  const appendOnly = await present(APPEND_ONLY_TABLES.map((table) => `public.${table}`));
  if (appendOnly.length > 0) statements.push(`REVOKE UPDATE, DELETE, TRUNCATE ON ${appendOnly.join(", ")} FROM ${app}`);
  const ownerWritten = await present(OWNER_WRITTEN_TABLES);
  if (ownerWritten.length > 0) statements.push(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ${ownerWritten.join(", ")} FROM ${app}`);
  statements.push(...(await rowSecurityPolicies(client, role)));
  await client.query("BEGIN");
  try {
    for (const statement of statements) await client.query(statement);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

/**
 * graphile-worker turns row-level security on for its tables and adds no policy, so that only
 * their owner may touch them. A policy letting the application's role see and write every row
 * gives it back what its grants say, no more; it still owns nothing.
 */
async function rowSecurityPolicies(client: pg.Client, role: string): Promise<string[]> {
  const policy = `${role.slice(0, 52)} may use`;
  const { rows } = await client.query<{ name: string }>(
    `SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = ANY($1) AND c.relkind = 'r' AND c.relrowsecurity
       AND NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = $2)`,
    [SCHEMAS, policy],
  );
  return rows.map(({ name }) => `CREATE POLICY ${client.escapeIdentifier(policy)} ON ${name} TO ${client.escapeIdentifier(role)} USING (true) WITH CHECK (true)`);
}

/** The role a connection string logs in as (its user, or whatever libpq's defaults make it). */
export async function roleOf(connectionString: string): Promise<string> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query<{ me: string }>("SELECT current_user AS me")).rows[0]!.me;
  } finally {
    await client.end();
  }
}

/** `url` with another database name (a scratch database reached as the same user). */
export function withDatabase(url: string, name: string): string {
  const next = new URL(url);
  next.pathname = `/${name}`;
  return next.toString();
}
