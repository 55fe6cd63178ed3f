// The desk dashboard's server time (issue 14: ≤ 300 ms at 100,000 enrollments): getDeskDashboard
// for an admin over a 90-day window and for a lead of three branches over 30 days, beside a
// baseline in the same run (one count(*) of the same window, the least any figure over it costs).
// Rows are written by SQL (the dashboard reads only the queue columns), spread over 180 days and
// 20 branches, a third pushed after 5 minutes to 3 days, some failed or awaiting reconciliation.
// Run: npm run bench:desk   (BENCH_ROWS and BENCH_RUNS override the defaults)
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { getDeskDashboard } from "@/lib/desk/dashboard";
import { parseDeskDashboardFilters } from "@/lib/desk/dashboard-filters";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createBenchUser, percentile, scratchDatabase } from "./harness";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const NOW = new Date();

async function load(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  await client.connect();
  const officer = await createBenchUser(client);
  const started = Date.now();
  await client.query(
    `INSERT INTO enrollments (id, received_payload, payload, content_hash, status, full_name, branch_code, branch_name, received_at, updated_at, push_finished_at, push_requested_by_id)
     SELECT gen_random_uuid(), '{}'::jsonb, '{}'::jsonb, md5(i::text) || md5((i + 1)::text),
       (CASE WHEN i % 3 = 0 THEN 'pushed' WHEN i % 17 = 1 THEN 'failed' WHEN i % 29 = 2 THEN 'needs_reconciliation' ELSE 'received' END)::"EnrollmentStatus",
       'BENCH ' || i, lpad((i % 20 + 1)::text, 2, '0'), 'Branch ' || (i % 20 + 1),
       $1::timestamptz - (i % 180) * interval '1 day' - (i % 1440) * interval '1 minute', now(),
       CASE WHEN i % 3 = 0 THEN $1::timestamptz - (i % 180) * interval '1 day' - (i % 1440) * interval '1 minute' + (5 + i % 4320) * interval '1 minute' END,
       CASE WHEN i % 3 = 0 THEN $2::uuid END
     FROM generate_series(1, $3::int) AS i`,
    [NOW.toISOString(), officer, ROWS],
  );
  await client.query("ANALYZE enrollments");
  console.log(`loaded ${ROWS} enrollments in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await client.end();
  return officer;
}

async function time(run: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 3; i += 1) await run(); // warm
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b);
}

async function main() {
  const scratch = await scratchDatabase("bench_desk");
  try {
    await load(scratch.url);
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: scratch.url, max: 4 }) });
    try {
      const day = (daysAgo: number) => new Date(NOW.getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10);
      const admin = parseDeskDashboardFilters({ from: day(89), to: day(0) }, NOW);
      const lead = parseDeskDashboardFilters({ from: day(29), to: day(0) }, NOW);
      const cases = [
        { name: `admin, every branch, 90 days`, filters: admin, scope: { kind: "all" } as const },
        { name: `lead of 3 branches, 30 days`, filters: lead, scope: { kind: "branches", branches: ["01", "02", "03"] } as const },
      ];
      console.log(`desk dashboard at ${ROWS} enrollments, ${RUNS} runs each (server time: the queries getDeskDashboard makes)`);
      for (const c of cases) {
        const baseline = await time(() => db.$queryRawUnsafe(`SELECT count(*) FROM enrollments WHERE received_at >= $1::date AND received_at < ($2::date + 1)`, c.filters.from, c.filters.to));
        const dashboard = await time(() => getDeskDashboard(db, c.scope, c.filters, NOW));
        const p95 = percentile(dashboard, 95);
        console.log(
          `${c.name}: dashboard p50 ${percentile(dashboard, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (target ≤ 300 ms: ${p95 <= 300 ? "met" : "NOT met"}); ` +
            `baseline count(*) p95 ${percentile(baseline, 95).toFixed(1)} ms; ratio ${(p95 / percentile(baseline, 95)).toFixed(2)}×`,
        );
      }
    } finally {
      await db.$disconnect();
    }
  } finally {
    await scratch.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
