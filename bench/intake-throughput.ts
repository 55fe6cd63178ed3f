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

/**
 * Each measurement gets a database of its own: the tables (and their trigram and unique indexes)
 * grow by tens of thousands of rows per run, and a later phase must not pay for an earlier one.
 */
async function main() {
  const salt = Date.now() % 1_000_000;
  const line = (label: string, rate: number, r: autocannon.Result) =>
    `${label}: ${rate.toFixed(0)} enrollments/s (${r["2xx"]} created, ${r.non2xx} non-2xx, ${r.errors} errors, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms)`;

  const routeDb = await scratchDatabase("bench_intake_route");
  let route: autocannon.Result;
  let floor: autocannon.Result;
  try {
    const server = await startConsole({ databaseUrl: routeDb.url, port: 3210, env: { INTAKE_API_KEYS: KEY, DB_POOL_MAX: "20" } });
    try {
      route = await load(`${server.baseUrl}/api/v1/enrollments`, salt);
      floor = await autocannon({ url: `${server.baseUrl}/api/v1/enrollments`, connections: CONNECTIONS, duration: Math.min(SECONDS, 10), method: "POST", body: "{}" });
    } finally {
      await server.stop();
    }
  } finally {
    await routeDb.drop();
  }

  const serviceDb = await scratchDatabase("bench_intake_service");
  let standalone: autocannon.Result;
  try {
    const service = await startIntakeService(serviceDb.url, 3211);
    standalone = await load(`${service.baseUrl}/api/v1/enrollments`, salt + 500_000).finally(() => service.stop());
  } finally {
    await serviceDb.drop();
  }

  const rawDb = await scratchDatabase("bench_intake_raw");
  const rawRate = await rawInsertBaseline(rawDb.url).finally(() => rawDb.drop());

  const routeRate = route["2xx"] / SECONDS;
  const serviceRate = standalone["2xx"] / SECONDS;
  console.log(line("intake API (console route)", routeRate, route));
  console.log(line("standalone intake service", serviceRate, standalone));
  console.log(`raw PostgreSQL INSERT of the same rows: ${rawRate.toFixed(0)} rows/s`);
  console.log(`route floor (401 without a key, no body work): ${floor.requests.average.toFixed(0)} requests/s`);
  console.log(`ratios: route/raw ${(routeRate / rawRate).toFixed(2)}, service/raw ${(serviceRate / rawRate).toFixed(2)}, route/route floor ${(routeRate / floor.requests.average).toFixed(2)} (target: >= 500/s)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
