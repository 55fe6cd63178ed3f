// The audit log's hash chain: every insert is chained by the database, the verification finds
// an edited row and a deleted one, and the application cannot edit rows at all.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import type { TScratchDatabase } from "@/lib/db/scratch-database";
import { scratchDatabase } from "./db";

let scratch: TScratchDatabase;
/** The application's role, as the console writes. */
let client: pg.Client;
/** The owner, as someone with the database's keys would tamper. */
let owner: pg.Client;

async function insert(action: string, details: object = {}) {
  await client.query("INSERT INTO audit_events (actor_label, action, details) VALUES ('tester', $1, $2)", [action, JSON.stringify(details)]);
}

beforeAll(async () => {
  scratch = await scratchDatabase("audit_chain", { migrate: true });
  client = new pg.Client({ connectionString: scratch.appUrl });
  owner = new pg.Client({ connectionString: scratch.url });
  await Promise.all([client.connect(), owner.connect()]);
  for (let i = 0; i < 20; i += 1) await insert(`test.event_${i}`, { n: i, text: "ñ 🙂" });
});
afterAll(async () => {
  await Promise.all([client.end(), owner.end()]);
  await scratch.drop();
});

describe("audit hash chain", () => {
  it("chains every row from the database side and verifies intact", async () => {
    const { rows } = await client.query<{ prev_hash: string; hash: string }>("SELECT prev_hash, hash FROM audit_events ORDER BY id");
    expect(rows[0]!.prev_hash).toBe("0".repeat(64));
    for (let i = 1; i < rows.length; i += 1) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    // The application cannot forge the chain: whatever it passes is replaced.
    await client.query("INSERT INTO audit_events (actor_label, action, hash, prev_hash) VALUES ('x', 'forged', $1, $1)", ["f".repeat(64)]);
    const report = await verifyAuditChain(scratch.appUrl);
    expect(report).toMatchObject({ rows: 21, breaks: [] });
  });

  it("concurrent writers still form one chain", async () => {
    const pool = new pg.Pool({ connectionString: scratch.appUrl, max: 8 });
    await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        // Several statements per transaction, like the console's own writes.
        const tx = await pool.connect();
        try {
          await tx.query("BEGIN");
          await tx.query("INSERT INTO audit_events (actor_label, action) VALUES ('c', $1)", [`concurrent.${i}`]);
          await tx.query("SELECT pg_sleep(0.005)");
          await tx.query("COMMIT");
        } finally {
          tx.release();
        }
      }),
    );
    await pool.end();
    expect((await verifyAuditChain(scratch.appUrl)).breaks).toEqual([]);
  });

  it("the application may not update or delete a row, nor may the owner without disabling the trigger", async () => {
    await expect(client.query("UPDATE audit_events SET action = 'x' WHERE id = (SELECT min(id) FROM audit_events)")).rejects.toThrow(/permission denied/);
    await expect(client.query("DELETE FROM audit_events")).rejects.toThrow(/permission denied/);
    await expect(owner.query("UPDATE audit_events SET action = 'x' WHERE id = (SELECT min(id) FROM audit_events)")).rejects.toThrow(/append-only/);
    await expect(owner.query("DELETE FROM audit_events")).rejects.toThrow(/append-only/);
  });

  it("detects an edited row and a deleted row (made by someone who bypassed the triggers)", async () => {
    const { rows } = await client.query<{ id: string }>("SELECT id::text FROM audit_events ORDER BY id LIMIT 6");
    // Only a superuser (or the owner, disabling the triggers) can do this; the verification is what catches it.
    await owner.query("SET session_replication_role = replica");
    await owner.query(`UPDATE audit_events SET details = '{"n": 999}' WHERE id = $1`, [rows[2]!.id]);
    await owner.query("DELETE FROM audit_events WHERE id = $1", [rows[4]!.id]);
    await owner.query("SET session_replication_role = origin");
    const report = await verifyAuditChain(scratch.appUrl);
    expect(report.breaks).toEqual([
      { id: rows[2]!.id, reason: "content changed" },
      { id: rows[5]!.id, reason: "link broken" },
    ]);
  });
});
