// Intake throughput: enrollments/s through POST /api/v1/enrollments on the production build
// (20 concurrent clients, 30 s, loopback), beside a raw PostgreSQL insert of the same JSONB
// rows by 20 concurrent clients for the same time, in the same run, and beside the floor of
// the framework itself: the same route refusing a request without a key (no body work, no SQL).
// The same load then goes to the standalone intake service (scripts/intake-server.ts: the same
// handler without the web console's framework), the deployment the README recommends.
// Run: npm run bench:intake   (BENCH_SECONDS and BENCH_CONNECTIONS override the defaults)
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import autocannon from "autocannon";
import pg from "pg";
import { extractQueueColumns } from "@/lib/intake/extract-columns";
import { intakeBody, intakeRequests, scratchDatabase, startConsole } from "./harness";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const KEY = "bench-intake-key-0123456789";

async function rawInsertBaseline(databaseUrl: string): Promise<number> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: CONNECTIONS });
  const salt = 7_000_000;
  let next = 0;
  let done = 0;
  const deadline = Date.now() + SECONDS * 1000;
  const worker = async () => {
    while (Date.now() < deadline) {
      const payload = intakeBody(next++, salt);
      const columns = extractQueueColumns(payload);
      const text = JSON.stringify(payload);
      await pool.query(
        `INSERT INTO enrollments (id, received_payload, payload, content_hash, wisenroll_code, first_name, last_name,
           full_name, main_doc_type, main_doc_index, main_doc_last4, main_doc_country, branch_code, branch_name, updated_at)
         VALUES ($1, $2, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, now())`,
        [crypto.randomUUID(), text, crypto.createHash("sha256").update(text).digest("hex"), columns.wisenrollCode,
          columns.firstName, columns.lastName, columns.fullName, columns.mainDocType, columns.mainDocIndex, columns.mainDocLast4,
          columns.mainDocCountry, columns.branchCode, columns.branchName],
      );
      done += 1;
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  await pool.end();
  return done / SECONDS;
}

/** Starts `scripts/intake-server.ts` on the scratch database; resolves once it answers. */
async function startIntakeService(databaseUrl: string, port: number) {
  const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/intake-server.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, INTAKE_API_KEYS: KEY, INTAKE_PORT: String(port), DB_POOL_MAX: "20", LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i += 1) {
    if (await fetch(`${baseUrl}/healthz`).then((r) => r.ok, () => false)) break;
    if (i > 200) throw new Error("intake service did not start");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { baseUrl, stop: () => child.kill("SIGTERM") };
}

async function load(url: string, salt: number) {
  return autocannon({ url, connections: CONNECTIONS, duration: SECONDS, requests: intakeRequests(KEY, salt) });
}

async function main() {
  const db = await scratchDatabase("bench_intake");
  const server = await startConsole({ databaseUrl: db.url, port: 3210, env: { INTAKE_API_KEYS: KEY, DB_POOL_MAX: "20" } });
  try {
    const salt = Date.now() % 1_000_000;
    const result = await load(`${server.baseUrl}/api/v1/enrollments`, salt);
    const floor = await autocannon({
      url: `${server.baseUrl}/api/v1/enrollments`,
      connections: CONNECTIONS,
      duration: Math.min(SECONDS, 10),
      method: "POST",
      body: "{}",
    });
    const created = result["2xx"];
    const intakeRate = created / SECONDS;
    const rawRate = await rawInsertBaseline(db.url);
    server.stop();
    const service = await startIntakeService(db.url, 3211);
    const standalone = await load(`${service.baseUrl}/api/v1/enrollments`, salt + 500_000).finally(() => service.stop());
    const serviceRate = standalone["2xx"] / SECONDS;
    console.log(`intake API: ${intakeRate.toFixed(0)} enrollments/s (${created} created, ${result.non2xx} non-2xx, ${result.errors} errors, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms)`);
    console.log(`raw PostgreSQL INSERT of the same rows: ${rawRate.toFixed(0)} rows/s`);
    console.log(`route floor (401 without a key, no body work): ${floor.requests.average.toFixed(0)} requests/s`);
    console.log(`ratio intake/raw: ${(intakeRate / rawRate).toFixed(2)}; intake/route floor: ${(intakeRate / floor.requests.average).toFixed(2)}`);
    console.log(
      `standalone intake service: ${serviceRate.toFixed(0)} enrollments/s (${standalone["2xx"]} created, ${standalone.non2xx} non-2xx, ${standalone.errors} errors, p50 ${standalone.latency.p50} ms, p99 ${standalone.latency.p99} ms); ratio service/raw ${(serviceRate / rawRate).toFixed(2)} (target: >= 500/s)`,
    );
  } finally {
    try {
      server.stop();
    } catch {
      // already stopped above
    }
    await db.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
