// The secrets a run started by scripts/with-db.ts needs (session secret, settings, PII and index
// keys, and the password of the application's database role when it makes one) when the
// environment does not set them: a console's from a git-ignored file made on its first start
// (lib/config/local-secrets.ts), a test run's from its test database.
import path from "node:path";
import pg from "pg";
import {
  applyLocalSecrets,
  DATABASE_APP_PASSWORD,
  generateDatabasePassword,
  generateSecrets,
  localDatabaseAppPassword,
  SECRET_VARIABLES,
} from "@/lib/config/local-secrets";

const secretsFile = () => process.env.CONSOLE_SECRETS_FILE || path.join(process.cwd(), ".data", "secrets.env");

/**
 * The session secret and the keys, unless the environment sets them: made at random into a
 * git-ignored file on the first start, read back on every later one.
 */
export function useLocalSecrets(): { created: boolean } {
  const file = secretsFile();
  const { fromFile, created } = applyLocalSecrets(process.env, file);
  if (fromFile.length === 0) return { created };
  const where = path.relative(process.cwd(), file) || file;
  console.log(created ? `secrets: made ${fromFile.join(", ")} at random in ${where} (mode 0600, git-ignored); later starts reuse them` : `secrets: ${fromFile.join(", ")} from ${where}`);
  return { created };
}

/**
 * Tests keep theirs, made at random, in the test database itself (schema test_support, which the
 * console never reads): every run against one database (another checkout, the next CI job) then
 * opens what an earlier run sealed there, and a new database gets new ones.
 */
export async function useTestSecrets(databaseUrl: string): Promise<{ created: boolean }> {
  const lacking = SECRET_VARIABLES.filter((name) => !process.env[name]?.trim());
  if (lacking.length === 0) return { created: false };
  const client = await testSupport(databaseUrl);
  try {
    const generated = generateSecrets();
    const inserted = await client.query("INSERT INTO test_support.secrets (name, value) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (name) DO NOTHING", [
      [...SECRET_VARIABLES],
      SECRET_VARIABLES.map((name) => generated[name]),
    ]);
    const { rows } = await client.query<{ name: string; value: string }>("SELECT name, value FROM test_support.secrets");
    for (const row of rows) if ((lacking as readonly string[]).includes(row.name)) process.env[row.name] = row.value;
    const created = (inserted.rowCount ?? 0) > 0;
    console.log(`secrets: ${lacking.join(", ")} ${created ? "made at random for this test database" : "of this test database"} (test_support.secrets)`);
    return { created };
  } finally {
    await client.end();
  }
}

/** A connection to the test database's own secrets table (the owner's: the application's role cannot read it). */
async function testSupport(databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("CREATE SCHEMA IF NOT EXISTS test_support");
    await client.query("CREATE TABLE IF NOT EXISTS test_support.secrets (name text PRIMARY KEY, value text NOT NULL)");
    return client;
  } catch (error) {
    await client.end();
    throw error;
  }
}

/** The password of the application's database role, for a console run: the environment's, else the secrets file's. */
export function useLocalDatabaseAppPassword(): string {
  return localDatabaseAppPassword(process.env, secretsFile());
}

/** The same for a test run: the environment's, else the test database's (beside its keys). */
export async function useTestDatabaseAppPassword(databaseUrl: string): Promise<string> {
  const given = process.env[DATABASE_APP_PASSWORD]?.trim();
  if (given) return given;
  const client = await testSupport(databaseUrl);
  try {
    await client.query("INSERT INTO test_support.secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING", [DATABASE_APP_PASSWORD, generateDatabasePassword()]);
    const { rows } = await client.query<{ value: string }>("SELECT value FROM test_support.secrets WHERE name = $1", [DATABASE_APP_PASSWORD]);
    return rows[0]!.value;
  } finally {
    await client.end();
  }
}

/**
 * New keys cannot open what a database filled before them sealed (say, under the old built-in
 * keys). A console's database is only warned about; a test database is emptied, since every test
 * run migrates and seeds it anew and a test must never trip over rows it cannot open.
 */
export async function warnIfFilledBefore(databaseUrl: string, options: { empty: boolean }) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const table = await client.query<{ name: string | null }>("SELECT to_regclass('public.users')::text AS name");
    if (!table.rows[0]?.name) return;
    const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM users");
    if ((rows[0]?.n ?? 0) > 0 && options.empty) {
      console.warn("secrets: this test database holds data sealed under other keys; emptying it before the run");
      await client.query("DROP SCHEMA IF EXISTS graphile_worker CASCADE");
      await client.query("DROP SCHEMA public CASCADE");
      await client.query("CREATE SCHEMA public");
    } else if ((rows[0]?.n ?? 0) > 0) {
      console.warn("secrets: this database already has data, sealed under other keys that the new ones cannot open; start from an empty database (remove the embedded one's data folder) or set the old keys");
    }
  } finally {
    await client.end();
  }
}
