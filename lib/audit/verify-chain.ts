// Recomputes the audit log's hash chain (see the audit_hash_chain migration) and reports the
// rows where it breaks: a row whose content changed, or a row removed or inserted out of band.
// The row text is spelled here again on purpose, not taken from the database's own function.
import pg from "pg";

export type TChainBreak = { id: string; reason: "content changed" | "link broken" };
export type TChainReport = { rows: number; breaks: TChainBreak[]; head: string | null };

const ZERO = "0".repeat(64);

export async function verifyAuditChain(connectionString: string, limit = 100): Promise<TChainReport> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
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
    const total = await client.query<{ count: string; head: string | null }>(
      "SELECT count(*)::text AS count, (SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1) AS head FROM audit_events",
    );
    return {
      rows: Number(total.rows[0]!.count),
      head: total.rows[0]!.head,
      breaks: rows.map((r) => ({ id: r.id, reason: r.content_ok ? "link broken" : "content changed" })),
    };
  } finally {
    await client.end();
  }
}
