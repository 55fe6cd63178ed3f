// Data migrations: changes to existing rows that SQL cannot make, because they need something only
// the application has (a key). lib/db/migrate.ts runs each one, once, right after the SQL
// migrations and under the same lock, and records it in data_migrations with its counts.
// Each must be safe to run again: if it stops half-way it is not recorded and runs at next start.
import "server-only";
import type pg from "pg";
import { piiKeysFromEnv } from "@/lib/crypto/pii";
import { resealPii } from "@/lib/pii/reseal-pii";
import { backfillDueTimes } from "@/lib/sla/backfill-due-times";

type TDataMigration = { name: string; run: (client: pg.Client) => Promise<Record<string, unknown>> };

const DATA_MIGRATIONS: readonly TDataMigration[] = [
  // Seals the identity numbers of rows written before 20261122011931_pii_at_rest and fills the
  // blind index that replaced main_doc_number.
  { name: "pii_at_rest", run: (client) => resealPii(client, piiKeysFromEnv()) },
  // Seals what the core and AMLYZE sent back and was stored in clear before (their messages, the
  // parsed answers, accounts_info, AMLYZE's errors, binary-mode headers) and the reasons built on
  // it; clear text in a reason column becomes a `text` reason, shown as it is. The same pass as
  // above, which now covers those columns: on a database that runs both, this one finds nothing.
  { name: "external_text_at_rest", run: (client) => resealPii(client, piiKeysFromEnv()) },
  // Fills the identity and person blind indexes of 20261205122147_identity_matching (matching
  // across enrollments) for rows received before; the same pass, which now computes them.
  { name: "identity_index", run: (client) => resealPii(client, piiKeysFromEnv()) },
  // Gives enrollments received before 20261206023000_sla_due_times their due time in business time.
  { name: "sla_due_at", run: backfillDueTimes },
  // Clears the person index of rows whose birth date is not a real date (personOf no longer makes
  // one from 1990-02-30): the same pass, which recomputes every index from the payload.
  { name: "person_index_real_dates", run: (client) => resealPii(client, piiKeysFromEnv()) },
];

/** Runs the data migrations not yet recorded; returns their names. The caller holds the migration lock. */
export async function applyDataMigrations(client: pg.Client): Promise<string[]> {
  const table = await client.query<{ exists: boolean }>(`SELECT to_regclass('data_migrations') IS NOT NULL AS exists`);
  // A database built from a migrations folder without the table (a test's own folder) has none to run.
  if (!table.rows[0]?.exists) return [];
  const { rows } = await client.query<{ name: string }>("SELECT name FROM data_migrations");
  const done = new Set(rows.map((row) => row.name));
  const applied: string[] = [];
  for (const migration of DATA_MIGRATIONS) {
    if (done.has(migration.name)) continue;
    const report = await migration.run(client);
    await client.query("INSERT INTO data_migrations (name, report) VALUES ($1, $2::jsonb)", [migration.name, JSON.stringify(report)]);
    applied.push(migration.name);
  }
  return applied;
}
