// `npm run pii:rotate`: re-seals every stored identity number, and every text the core and AMLYZE
// sent back, with the first key of PII_ENCRYPTION_KEYS and recomputes the blind index with PII_INDEX_KEY. Idempotent, in batches
// (a run that stops is simply run again); prints counts only. Exit 1 when a value cannot be
// opened (its key is no longer listed): the batch it was in is left as it was.
import pg from "pg";
import { piiKeysFromEnv } from "@/lib/crypto/pii";
import { rotatePiiKey } from "@/lib/pii/reseal-pii";

async function main() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is required");
  const keys = piiKeysFromEnv();
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const report = await rotatePiiKey(client, keys);
    console.log(
      [
        `identity numbers and outside text now under PII key version ${report.keyVersion}: ${report.sealedValues} sealed from clear, ${report.resealedValues} re-sealed, ${report.reindexed} enrollments re-indexed`,
        ...Object.entries(report.tables).map(([table, count]) => `  ${table}: ${count.updated} of ${count.rows} rows rewritten`),
      ].join("\n"),
    );
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(`PII rotation stopped: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
