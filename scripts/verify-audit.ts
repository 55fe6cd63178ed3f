// `npm run audit:verify [-- --head <hash>]`: exits 1 when the audit log's hash chain is broken
// (naming the rows), when it disagrees with a checkpoint of its head (rows removed from its end,
// or the chain rewritten), or when the head hash given is no longer in it; 2 when it cannot check.
// Record the printed head somewhere else (a ticket, a WORM store, the shipped logs of the push
// worker's "audit chain checkpoint" lines) and give it as --head: an attacker who can rewrite the
// table and its checkpoints cannot rewrite that.
import { describeChainProblems, verifyAuditChain } from "@/lib/audit/verify-chain";

function headArgument(args: string[]): string | undefined {
  const inline = args.find((arg) => arg.startsWith("--head="));
  const at = args.indexOf("--head");
  if (!inline && at === -1) return undefined;
  const value = inline ? inline.slice("--head=".length) : args[at + 1];
  if (!value || !/^[0-9a-f]{64}$/i.test(value)) throw new Error("--head takes a head hash as audit:verify or a checkpoint printed it (64 hexadecimal digits)");
  return value.toLowerCase();
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is required");
  const head = headArgument(process.argv.slice(2));
  const report = await verifyAuditChain(url, { head });
  const problems = describeChainProblems(report);
  const end = report.end ? `head #${report.end.position} (id ${report.end.eventId}) ${report.end.hash}` : "empty";
  if (problems.length === 0) {
    const given = report.head?.found ? `; the head given is #${report.head.found.position}` : "";
    console.log(`audit chain intact: ${report.rows} events, ${end}; agrees with ${report.checkpoints} checkpoint(s)${given}`);
    return;
  }
  console.error(`audit chain BROKEN (${report.rows} events, ${end}):`);
  for (const problem of problems) console.error(`  ${problem}`);
  if (report.breaks.length === 100 || report.checkpointMismatches.length === 100) console.error("  (the first 100 of each kind)");
  process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
