// Recomputes the audit log's hash chain (see the audit_hash_chain migration) and reports the
// rows where it breaks: a row whose content changed, or a row removed or inserted out of band.
// The row text is spelled here again on purpose, not taken from the database's own function.
// Rows removed from the end leave a chain that still holds together: they show against the head
// recorded elsewhere, the checkpoints (lib/audit/checkpoint.ts) and a hash the operator gives.
import pg from "pg";
import type { TChainRow } from "./checkpoint";

export type TChainBreak = { id: string; reason: "content changed" | "link broken" };

/** A checkpoint the chain no longer agrees with; `found` is the chain's row of that id now, if any. */
export type TCheckpointMismatch = { at: Date; recorded: TChainRow; found: TChainRow | null };

/** Where a head hash the operator recorded is now: in the chain (`found`), and in a checkpoint (`recorded`). */
export type THeadCheck = { hash: string; found: TChainRow | null; recorded: (TChainRow & { at: Date }) | null };

export type TChainReport = {
  rows: number;
  breaks: TChainBreak[];
  /** The chain's last row (null: empty). */
  end: TChainRow | null;
  checkpoints: number;
  /** Latest first. */
  checkpointMismatches: TCheckpointMismatch[];
  head: THeadCheck | null;
};

const ZERO = "0".repeat(64);

/** Every row with its place in the chain. */
const CHAIN = "SELECT id, hash, row_number() OVER (ORDER BY id) AS position FROM audit_events";

type TRowRecord = { event_id: string; position: string; hash: string };
const chainRow = (row: TRowRecord): TChainRow => ({ eventId: row.event_id, position: Number(row.position), hash: row.hash });

/** Checks the chain, the checkpoints and, when given, a head hash, all in one snapshot. */
export async function verifyAuditChain(connectionString: string, options: { limit?: number; head?: string } = {}): Promise<TChainReport> {
  const limit = options.limit ?? 100;
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    // One snapshot: a checkpoint written while this runs must not look like one the chain lost.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const { rows } = await client.query<{ id: string; content_ok: boolean; link_ok: boolean }>(
      `SELECT id::text, content_ok, link_ok FROM (
         SELECT id,
           hash = encode(sha256(convert_to(prev_hash || '|' || concat_ws('|', id::text,
             to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), coalesce(actor_id::text, ''), actor_label, action,
             coalesce(target_type, ''), coalesce(target_id, ''), details::text, coalesce(ip, '')), 'UTF8')), 'hex') AS content_ok,
           prev_hash = coalesce(lag(hash) OVER (ORDER BY id), $1) AS link_ok
         FROM audit_events) checked
       WHERE content_ok IS NOT TRUE OR link_ok IS NOT TRUE
       ORDER BY id LIMIT $2`,
      [ZERO, limit],
    );
    const total = await client.query<{ rows: string; event_id: string | null; hash: string | null; checkpoints: string }>(
      `SELECT count(*)::text AS rows, (SELECT e.id::text FROM audit_events e ORDER BY e.id DESC LIMIT 1) AS event_id,
         (SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1) AS hash, (SELECT count(*)::text FROM audit_checkpoints) AS checkpoints
       FROM audit_events`,
    );
    const summary = total.rows[0]!;
    const mismatches = await client.query<TRowRecord & { at: Date; found_position: string | null; found_hash: string | null }>(
      `WITH chain AS (${CHAIN})
       SELECT c.at, c.event_id::text, c.position::text, c.hash, e.position::text AS found_position, e.hash AS found_hash
       FROM audit_checkpoints c LEFT JOIN chain e ON e.id = c.event_id
       WHERE e.id IS NULL OR e.hash IS DISTINCT FROM c.hash OR e.position <> c.position
       ORDER BY c.id DESC LIMIT $1`,
      [limit],
    );
    let head: THeadCheck | null = null;
    if (options.head !== undefined) {
      const found = await client.query<TRowRecord>(`WITH chain AS (${CHAIN}) SELECT id::text AS event_id, position::text, hash FROM chain WHERE hash = $1`, [options.head]);
      const recorded = await client.query<TRowRecord & { at: Date }>(
        "SELECT at, event_id::text, position::text, hash FROM audit_checkpoints WHERE hash = $1 ORDER BY id DESC LIMIT 1",
        [options.head],
      );
      head = {
        hash: options.head,
        found: found.rows[0] ? chainRow(found.rows[0]) : null,
        recorded: recorded.rows[0] ? { ...chainRow(recorded.rows[0]), at: recorded.rows[0].at } : null,
      };
    }
    await client.query("COMMIT");
    const rowCount = Number(summary.rows);
    return {
      rows: rowCount,
      breaks: rows.map((r) => ({ id: r.id, reason: r.content_ok ? "link broken" : "content changed" })),
      end: summary.event_id && summary.hash ? { eventId: summary.event_id, position: rowCount, hash: summary.hash } : null,
      checkpoints: Number(summary.checkpoints),
      checkpointMismatches: mismatches.rows.map((r) => ({
        at: r.at,
        recorded: chainRow(r),
        found: r.found_position === null ? null : { eventId: r.event_id, position: Number(r.found_position), hash: r.found_hash! },
      })),
      head,
    };
  } finally {
    await client.end();
  }
}

const rowsOf = (n: number) => `${n} row${n === 1 ? "" : "s"}`;
const describeRow = (row: TChainRow) => `#${row.position} (id ${row.eventId}, hash ${row.hash})`;
const describeEnd = (end: TChainRow | null) => (end ? `ends at ${describeRow(end)}` : "is empty");

/** What is wrong, one sentence per problem, for a person (empty: nothing). */
export function describeChainProblems(report: TChainReport): string[] {
  const problems = report.breaks.map((b) => `row id ${b.id}: ${b.reason}`);
  const endPosition = report.end?.position ?? 0;
  for (const { at, recorded, found } of report.checkpointMismatches) {
    const checkpoint = `the checkpoint of ${at.toISOString()}`;
    if (!found && endPosition < recorded.position) {
      problems.push(`the chain ${describeEnd(report.end)} but ${checkpoint} recorded ${describeRow(recorded)}: ${rowsOf(recorded.position - endPosition)} missing at the end`);
    } else if (!found) {
      problems.push(`row ${describeRow(recorded)}, recorded by ${checkpoint}, is missing from the chain`);
    } else if (found.hash !== recorded.hash) {
      problems.push(`row #${found.position} (id ${found.eventId}) has hash ${found.hash} but ${checkpoint} recorded ${recorded.hash}: the chain was rewritten`);
    } else {
      const moved = recorded.position - found.position;
      problems.push(`row id ${found.eventId} is #${found.position} but ${checkpoint} recorded it as #${recorded.position}: ${rowsOf(Math.abs(moved))} ${moved > 0 ? "missing" : "added"} before it`);
    }
  }
  const head = report.head;
  if (head && !head.found) {
    const known = head.recorded
      ? `; the checkpoint of ${head.recorded.at.toISOString()} recorded it as #${head.recorded.position}` +
        (head.recorded.position > endPosition ? `: ${rowsOf(head.recorded.position - endPosition)} missing at the end` : "")
      : "";
    problems.push(`the head ${head.hash} given is not in the chain, which ${describeEnd(report.end)}: rows after it were removed, or the chain was rewritten${known}`);
  }
  return problems;
}
