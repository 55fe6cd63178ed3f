// Prints the URL of `<database>_<suffix>`, a database beside the test database on the same server,
// made if missing, for a suite that runs at the same time as another on a database of its own
// (scripts/test-all.sh runs the integration suite beside Playwright). Connects as the test
// database's owner (MIGRATION_DATABASE_URL, set by scripts/with-db.ts --test). Prints nothing when
// that owner is not a superuser (it could not make the new database's application role either):
// the caller then runs its suites one after the other on the one database.
// Usage: tsx scripts/sibling-database.ts <suffix>
import pg from "pg";
import { withDatabase } from "@/lib/db/app-role";

async function main() {
  const suffix = process.argv[2];
  if (!suffix || !/^[a-z0-9_]+$/u.test(suffix)) throw new Error("usage: sibling-database.ts <suffix> (lower-case letters, digits, _)");
  const ownerUrl = process.env.MIGRATION_DATABASE_URL;
  if (!ownerUrl) throw new Error("MIGRATION_DATABASE_URL is unset: run under scripts/with-db.ts --test");
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ superuser: boolean; database: string }>(
      "SELECT rolsuper AS superuser, current_database() AS database FROM pg_roles WHERE rolname = current_user",
    );
    const me = rows[0]!;
    if (!me.superuser) {
      console.error(`sibling database: ${new URL(ownerUrl).username} is not a superuser; the suites run one after the other`);
      return;
    }
    const name = `${me.database}_${suffix}`;
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    process.stdout.write(`${withDatabase(ownerUrl, name)}\n`);
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
