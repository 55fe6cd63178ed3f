// `npm run audit:verify`: exits 1 when the audit log's hash chain is broken, naming the rows.
// Record the printed head hash somewhere else (a ticket, a WORM store) to detect a rewrite of
// the whole chain by someone who can also recompute it.
import { verifyAuditChain } from "@/lib/audit/verify-chain";

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is required");
  const report = await verifyAuditChain(url);
  if (report.breaks.length === 0) {
    console.log(`audit chain intact: ${report.rows} events, head ${report.head ?? "(empty)"}`);
    return;
  }
  console.error(`audit chain BROKEN at ${report.breaks.length}${report.breaks.length === 100 ? "+" : ""} row(s):`);
  for (const b of report.breaks) console.error(`  id ${b.id}: ${b.reason}`);
  process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
