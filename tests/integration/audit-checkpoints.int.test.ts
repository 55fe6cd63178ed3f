// Rows removed from the end of the audit log leave a chain that still holds together: the
// checkpoints of its head (written by the push worker, as the application's role) and a head hash
// the operator kept elsewhere are what show them, in `npm run audit:verify` with exit code 1.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAuditCheckpoint, startAuditCheckpoints } from "@/lib/audit/checkpoint";
import { describeChainProblems, verifyAuditChain } from "@/lib/audit/verify-chain";
import type { TScratchDatabase } from "@/lib/db/scratch-database";
import { scratchDatabase } from "./db";

let scratch: TScratchDatabase;
let app: pg.Client;
let owner: pg.Client;

const insert = (count: number) =>
  app.query("INSERT INTO audit_events (actor_label, action, details) SELECT 'tester', 'test.event', jsonb_build_object('n', n) FROM generate_series(1, $1) AS n", [count]);

/** `npm run audit:verify` against the scratch database, as an operator runs it. */
async function auditVerify(...args: string[]): Promise<{ code: number; output: string }> {
  const run = promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/verify-audit.ts", ...args], { env: { ...process.env, DATABASE_URL: scratch.appUrl } });
  try {
    const { stdout, stderr } = await run;
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

beforeAll(async () => {
  scratch = await scratchDatabase("audit_checkpoints", { migrate: true });
  app = new pg.Client({ connectionString: scratch.appUrl });
  owner = new pg.Client({ connectionString: scratch.url });
  await Promise.all([app.connect(), owner.connect()]);
});
afterAll(async () => {
  await Promise.all([app.end(), owner.end()]);
  await scratch.drop();
});

describe("audit chain checkpoints", () => {
  it("record the head once each time it moves, with its place in the chain", async () => {
    expect(await recordAuditCheckpoint(app)).toBeNull();
    await insert(20);
    const first = await recordAuditCheckpoint(app);
    const head = await app.query<{ id: string; hash: string }>("SELECT id::text, hash FROM audit_events ORDER BY audit_events.id DESC LIMIT 1");
    expect(first).toEqual({ eventId: head.rows[0]!.id, position: 20, hash: head.rows[0]!.hash });
    expect(await recordAuditCheckpoint(app)).toBeNull();
    // The worker's loop: one now, then every interval.
    await insert(3);
    const pool = new pg.Pool({ connectionString: scratch.appUrl, max: 1 });
    await startAuditCheckpoints(pool, 3_600_000).stop();
    await pool.end();
    const { rows } = await app.query<{ position: string }>("SELECT position::text FROM audit_checkpoints ORDER BY id");
    expect(rows.map((r) => Number(r.position))).toEqual([20, 23]);
    const report = await verifyAuditChain(scratch.appUrl);
    expect(describeChainProblems(report)).toEqual([]);
    expect(report).toMatchObject({ rows: 23, checkpoints: 2 });
  });

  it("removing the last 5 rows is reported against the checkpoints and against the head given, exit code 1", async () => {
    const head = (await app.query<{ id: string; hash: string }>("SELECT id::text, hash FROM audit_events ORDER BY audit_events.id DESC LIMIT 1")).rows[0]!;
    expect((await verifyAuditChain(scratch.appUrl, { head: head.hash })).head).toMatchObject({ found: { eventId: head.id, position: 23 } });

    // Someone with the owner's rights (which the application does not have) removes the newest rows.
    await owner.query("SET session_replication_role = replica");
    await owner.query("DELETE FROM audit_events WHERE id IN (SELECT id FROM audit_events ORDER BY id DESC LIMIT 5)");
    await owner.query("SET session_replication_role = origin");

    const report = await verifyAuditChain(scratch.appUrl, { head: head.hash });
    // What is left is still a chain: only the head recorded elsewhere shows the loss.
    expect(report.breaks).toEqual([]);
    const end = report.end!;
    expect(end.position).toBe(18);
    const ending = `the chain ends at #18 \\(id ${end.eventId}, hash ${end.hash}\\)`;
    const at = String.raw`\d{4}-\d\d-\d\dT[\d:.]+Z`;
    expect(describeChainProblems(report)).toEqual([
      expect.stringMatching(new RegExp(`^${ending} but the checkpoint of ${at} recorded #23 \\(id ${head.id}, hash ${head.hash}\\): 5 rows missing at the end$`)),
      expect.stringMatching(new RegExp(`^${ending} but the checkpoint of ${at} recorded #20 .*: 2 rows missing at the end$`)),
      expect.stringMatching(new RegExp(`^the head ${head.hash} given is not in the chain, which ends at #18 .*; the checkpoint of ${at} recorded it as #23: 5 rows missing at the end$`)),
    ]);

    // A checkpoint written after the removal does not hide it.
    expect(await recordAuditCheckpoint(app)).toMatchObject({ eventId: end.eventId, position: 18 });
    const [withHead, checkpointsOnly] = await Promise.all([auditVerify("--head", head.hash), auditVerify()]);
    expect(withHead.code).toBe(1);
    expect(withHead.output).toContain(`the head ${head.hash} given is not in the chain`);
    expect(withHead.output).toContain("recorded #23");
    expect(checkpointsOnly.code).toBe(1);
    expect(checkpointsOnly.output).toMatch(/the chain ends at #18 .* recorded #23 .*: 5 rows missing at the end/);
  });
});
