// Push pipeline: the latency the console adds on top of the core's own response time, and
// pushes per minute with 4 workers, against the in-process sandbox core.
//   added latency = (push settled − push requested) − Σ(duration of its HTTP calls to the core)
// measured from the database timestamps of each push. The baseline of the throughput figure is
// the same HTTP calls made straight by the core client in the same run, with the same parallelism.
// Run: npm run bench:push   (BENCH_PUSHES overrides the default of 200)
import fs from "node:fs";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { intakeEnrollment } from "@/lib/intake/intake-enrollment";
import { parseIntake } from "@/lib/intake/parse-intake";
import { createCoreClient } from "@/lib/integrations/core/client";
import { requestPush } from "@/lib/push/request-push";
import { startPushWorker, workerEnv } from "@/lib/push/worker";
import { createCoreSandbox } from "@/sandbox/core-server";
import { codeFor, percentile, scratchDatabase } from "./harness";

const PUSHES = Number(process.env.BENCH_PUSHES ?? 200);
const CORE_USER = "console";
const CORE_PASSWORD = "bench-core-secret";
const actor = { id: null, label: "bench" };
const fixtures = [1, 2, 3].map((n) => fs.readFileSync(`fixtures/enrollments/seed-example-${n}.json`, "utf8"));

async function intakeMany(db: PrismaClient, count: number, salt: number): Promise<string[]> {
  const ids: string[] = [];
  for (let n = 0; n < count; n += 1) {
    const body = JSON.parse(fixtures[n % 3]!);
    body.client_info.wisenroll_code = codeFor(n, salt);
    body.client_documents.find((d: { main: number }) => d.main === 1).document_number = `B${salt}${String(n).padStart(7, "0")}`;
    const parsed = parseIntake(JSON.stringify(body));
    if (!parsed.ok) throw new Error("fixture rejected");
    const result = await intakeEnrollment(db, { ...parsed, actor });
    if (result.kind !== "created") throw new Error(result.kind);
    ids.push(result.enrollment.id);
  }
  return ids;
}

async function push(db: PrismaClient, id: string): Promise<void> {
  const result = await requestPush(db, { enrollmentId: id, expectedVersion: 1, products: [{ productCode: "AH01", openDate: "2026-11-21", related: [] }], actor });
  if (result.kind !== "queued") throw new Error(`not queued: ${result.kind}`);
}

async function waitSettled(db: PrismaClient, ids: string[]): Promise<void> {
  for (;;) {
    const pending = await db.enrollment.count({ where: { id: { in: ids }, status: "pushing" } });
    if (pending === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

async function addedLatencies(db: PrismaClient, ids: string[]) {
  const rows = await db.enrollment.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, pushRequestedAt: true, pushFinishedAt: true } });
  const calls = await db.outboundCall.groupBy({
    by: ["enrollmentId"],
    where: { enrollmentId: { in: ids } },
    _sum: { durationMs: true },
    _min: { startedAt: true },
    _count: true,
  });
  const coreTime = new Map(calls.map((c) => [c.enrollmentId, c._sum.durationMs ?? 0]));
  const firstCall = new Map(calls.map((c) => [c.enrollmentId, c._min.startedAt!.getTime()]));
  const notPushed = rows.filter((r) => r.status !== "pushed").length;
  if (notPushed > 0) throw new Error(`${notPushed} pushes did not end pushed`);
  const total = rows.map((r) => r.pushFinishedAt!.getTime() - r.pushRequestedAt!.getTime()).sort((a, b) => a - b);
  const core = rows.map((r) => coreTime.get(r.id)!).sort((a, b) => a - b);
  const added = rows.map((r) => r.pushFinishedAt!.getTime() - r.pushRequestedAt!.getTime() - coreTime.get(r.id)!).sort((a, b) => a - b);
  // From the officer's request to the first byte for the core: the request's transaction + the queue.
  const pickup = rows.map((r) => firstCall.get(r.id)! - r.pushRequestedAt!.getTime()).sort((a, b) => a - b);
  return { total, core, added, pickup };
}

async function main() {
  const scratch = await scratchDatabase("bench_push");
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: scratch.url, max: 8 }) });
  const sandbox = createCoreSandbox({ username: CORE_USER, password: CORE_PASSWORD });
  const coreUrl = await sandbox.listen(0, "127.0.0.1");
  const env = (concurrency: number) =>
    workerEnv({ CORE_BASE_URL: coreUrl, CORE_USERNAME: CORE_USER, CORE_PASSWORD, PUSH_WORKER_CONCURRENCY: String(concurrency), PUSH_SWEEP_INTERVAL_MS: "60000" });
  try {
    await db.productCode.create({ data: { code: "AH01", name: "Savings account" } });
    const [sequential, parallel] = [await intakeMany(db, PUSHES, 1), await intakeMany(db, PUSHES, 2)];

    // 1. Latency: one push at a time, one worker slot, so nothing queues behind anything else.
    let worker = await startPushWorker({ connectionString: scratch.url, db, env: env(1) });
    for (const id of sequential.slice(0, 10)) {
      await push(db, id); // warm-up: JIT, connection pools, prepared statements
      await waitSettled(db, [id]);
    }
    const measured = sequential.slice(10);
    for (const id of measured) {
      await push(db, id);
      await waitSettled(db, [id]);
    }
    const latency = await addedLatencies(db, measured);
    await worker.stop();

    // 2. Throughput: every push requested at once, 4 worker slots.
    worker = await startPushWorker({ connectionString: scratch.url, db, env: env(4) });
    const started = performance.now();
    for (const id of parallel) await push(db, id);
    await waitSettled(db, parallel);
    const pipelineSeconds = (performance.now() - started) / 1000;
    await worker.stop();

    // Baseline: the same two calls per push straight from the client, 4 at a time, no database.
    const client = createCoreClient({ baseUrl: coreUrl, username: CORE_USER, password: CORE_PASSWORD, timeoutMs: 15_000 });
    const bodies = parallel.map((_, n) => {
      const body = JSON.parse(fixtures[n % 3]!);
      body.client_info.wisenroll_code = codeFor(n, 3);
      body.client_documents.find((d: { main: number }) => d.main === 1).document_number = `R3${String(n).padStart(7, "0")}`;
      body.client_info.customer_number = null;
      return body;
    });
    const rawStarted = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < bodies.length) {
          const body = bodies[next++]!;
          const customer = await client.pushCustomer(body);
          if (customer.result.kind !== "created") throw new Error("baseline customer failed");
          await client.openProduct({ product_code: "AH01", customer_number: customer.result.customerNumber, open_date: "2026-11-21" });
        }
      }),
    );
    const rawSeconds = (performance.now() - rawStarted) / 1000;

    const ms = (values: number[], p: number) => `${percentile(values, p).toFixed(0)} ms`;
    console.log(`push latency over ${measured.length} sequential pushes (customer + one product each):`);
    console.log(`  end to end        median ${ms(latency.total, 50)}, p95 ${ms(latency.total, 95)}`);
    console.log(`  core's own time   median ${ms(latency.core, 50)}, p95 ${ms(latency.core, 95)}`);
    console.log(`  added by console  median ${ms(latency.added, 50)}, p95 ${ms(latency.added, 95)}   (target: median ≤ 50 ms)`);
    console.log(`    of which request → first call (request transaction + job queue) median ${ms(latency.pickup, 50)}`);
    const perMinute = (PUSHES / pipelineSeconds) * 60;
    const rawPerMinute = (PUSHES / rawSeconds) * 60;
    console.log(`throughput with 4 workers: ${perMinute.toFixed(0)} pushes/min (${PUSHES} in ${pipelineSeconds.toFixed(1)} s)`);
    console.log(`  baseline, the same calls without the console: ${rawPerMinute.toFixed(0)}/min; ratio ${(perMinute / rawPerMinute).toFixed(2)}`);
  } finally {
    await db.$disconnect();
    await sandbox.close();
    await scratch.drop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
