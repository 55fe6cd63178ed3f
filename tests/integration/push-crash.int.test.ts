// Crash test: the real worker process (scripts/worker.ts) is killed with SIGKILL at a random
// point of a push (before send, after send, after the response, before the commit), 50 times,
// then restarted. Every enrollment must end pushed, failed or needs reconciliation, and the
// sandbox core's ledger must show at most one account per requested product.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TCrashPoint } from "@/lib/push/pipeline";
import { openRelated } from "./pii-helpers";
import {
  CORE_PASSWORD,
  CORE_USER,
  ensureProductCodes,
  intakeFixture,
  prisma,
  product,
  pushDatabase,
  queuePush,
  startCore,
  usePushDatabase,
  type TCoreHarness,
} from "./push-helpers";

const ITERATIONS = Number(process.env.CRASH_ITERATIONS ?? 50);
const POINTS: readonly TCrashPoint[] = ["before_send", "after_send", "after_response", "before_commit"];
const SETTLED = new Set(["pushed", "failed", "needs_reconciliation", "customer_saved"]);

let harness: TCoreHarness;
let database: Awaited<ReturnType<typeof pushDatabase>>;
const enrollments: string[] = [];

// scripts/worker.ts and the project's modules bundled once (node_modules stay external): the same
// code tsx would run, but each of the 50 starts skips transpiling it again (about half of a start).
// The bundle sits inside the project so that its packages resolve from node_modules.
const WORKER_BUNDLE = path.resolve("node_modules/.cache/push-crash/worker.mjs");

async function bundleWorker() {
  await build({
    entryPoints: ["scripts/worker.ts"],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    conditions: ["react-server"],
    packages: "external",
    alias: { "@": path.resolve(".") },
    outfile: WORKER_BUNDLE,
    logLevel: "warning",
  });
}

function startWorker(crashAt?: string): ChildProcess {
  // One process: a CLI in between (tsx's) could not pass the SIGKILL on, and the real worker
  // would live on as an orphan.
  return spawn(process.execPath, ["--conditions=react-server", WORKER_BUNDLE], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      NODE_ENV: "test",
      LOG_LEVEL: "silent",
      CORE_BASE_URL: harness.url,
      CORE_USERNAME: CORE_USER,
      CORE_PASSWORD: CORE_PASSWORD,
      CORE_TIMEOUT_MS: "2000",
      PUSH_WORKER_CONCURRENCY: "1",
      PUSH_RETRY_BASE_MS: "10",
      PUSH_RETRY_MAX_MS: "50",
      PUSH_SWEEP_INTERVAL_MS: "500",
      EC_TEST_CRASH_AT: crashAt ?? "",
      EC_TEST_CRASH_DELAY_MS: "30",
    },
  });
}

const exited = (child: ChildProcess) =>
  new Promise<NodeJS.Signals | number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.signalCode ?? child.exitCode);
    else child.once("exit", (code, signal) => resolve(signal ?? code));
  });

async function pushing(): Promise<number> {
  return prisma.enrollment.count({ where: { id: { in: enrollments }, status: "pushing" } });
}

/** Resolves "alive" once this worker has nothing left in flight (so the chosen point will not come). */
async function settledAll(worker: ChildProcess): Promise<"alive"> {
  const deadline = Date.now() + 20_000;
  while (worker.exitCode === null && worker.signalCode === null && Date.now() < deadline) {
    if ((await pushing()) === 0) return "alive";
    await new Promise((r) => setTimeout(r, 100));
  }
  return "alive";
}

const pick = <T,>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

describe("push survives a worker killed at any point", () => {
  beforeAll(async () => {
    await bundleWorker();
    database = await pushDatabase("push_crash");
    usePushDatabase(database.db);
    await ensureProductCodes();
    harness = await startCore();
    // Slow answers, so a kill "after send" lands while the request is at the core.
    harness.sandbox.setFaults({ core_customer: { kind: "delay", ms: 40 }, core_product: { kind: "delay", ms: 80 } });
  });
  afterAll(async () => {
    await harness.stop();
    await database.drop();
  });

  it(`${ITERATIONS} kills, then every push settles with at most one account per product`, async () => {
    let kills = 0;
    for (let i = 0; i < ITERATIONS; i += 1) {
      // Keep a push in flight, with two products, so kills land in both steps.
      while ((await pushing()) < 1) {
        const id = await intakeFixture(pick([1, 2, 3] as const));
        enrollments.push(id);
        await queuePush(id, [product("AH01"), product("CC01")]);
      }
      // The n-th arrival at the point, over all pushes this worker runs: early or late in a push.
      const spec = `${pick(POINTS)}:${1 + Math.floor(Math.random() * 6)}`;
      const worker = startWorker(spec);
      const outcome = await Promise.race([exited(worker), settledAll(worker)]);
      if (outcome === "alive") {
        // Everything settled before the chosen point came: kill it idle.
        worker.kill("SIGKILL");
        await exited(worker);
      }
      kills += 1;
      if (outcome === "SIGKILL") expect(worker.signalCode).toBe("SIGKILL");
    }
    expect(kills).toBe(ITERATIONS);

    const worker = startWorker();
    const deadline = Date.now() + 60_000;
    while ((await pushing()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    worker.kill("SIGTERM");
    await exited(worker);

    const rows = await prisma.enrollment.findMany({ where: { id: { in: enrollments } }, select: { id: true, status: true, customerNumber: true } });
    expect(rows).toHaveLength(enrollments.length);
    for (const row of rows) expect(SETTLED.has(row.status), `${row.id} ended ${row.status}`).toBe(true);

    const ledger = harness.sandbox.ledger.snapshot();
    expect(ledger.duplicates).toEqual([]);
    for (const count of ledger.accountCounts) expect(count.count).toBeLessThanOrEqual(1);
    // One core customer per enrollment at most (each has its own main document).
    expect(ledger.customers.length).toBeLessThanOrEqual(enrollments.length);

    // What the console believes is opened exists in the core, exactly.
    const opened = openRelated(await prisma.productRequest.findMany({ where: { enrollmentId: { in: enrollments }, status: "opened" } }));
    expect(opened.every((p) => Array.isArray(p.accounts))).toBe(true);
    const ledgerNumbers = new Set(ledger.accounts.map((a) => a.accountNumber));
    for (const p of opened) {
      for (const account of p.accounts as { accountNumber: string | null }[]) expect(ledgerNumbers.has(account.accountNumber!)).toBe(true);
    }
    const stats = Object.fromEntries(
      ["pushed", "failed", "needs_reconciliation"].map((status) => [status, rows.filter((r) => r.status === status).length]),
    );
    console.log(`crash test: ${ITERATIONS} kills, ${enrollments.length} enrollments`, stats, `${ledger.accounts.length} accounts`);
  }, 900_000);
});
