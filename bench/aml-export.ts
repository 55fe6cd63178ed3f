// CSV export of the AML queue at 100,000 customers: GET /api/aml/export on the production build,
// timed to the last byte, with the console's memory (the whole `next start` process tree, RSS
// sampled every 20 ms) before and at its peak during the export. Beside it, in the same run, the
// database's own floor: a raw COPY of the same join to CSV (psql; a plain SELECT without psql).
// Run: npm run bench:export   (BENCH_ROWS, BENCH_PORT override the defaults)
import { execFileSync, spawnSync } from "node:child_process";
import pg from "pg";
import { createBenchUser, processTreeRss, scratchDatabase, signIn, startConsole } from "./harness";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const PORT = Number(process.env.BENCH_PORT ?? 3220);
const MB = 1024 * 1024;

/** 100,000 enrollments and their AML views, made by the database itself (the payload is not exported). */
async function load(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("error", () => {});
  await client.connect();
  const started = Date.now();
  await client.query(
    `INSERT INTO enrollments (id, received_payload, payload, content_hash, status, wisenroll_code, first_name, last_name, full_name,
       main_doc_type, main_doc_last4, main_doc_country, branch_code, branch_name, customer_number, received_at, updated_at)
     SELECT gen_random_uuid(), '{}', '{}', md5(i::text) || md5((-i)::text), 'pushed', 'W' || i,
            -- one name in a hundred starts like a formula, so the export's escaping is exercised too
            CASE WHEN i % 100 = 0 THEN '=CMD' || i ELSE 'CLIENTE ' || i END, 'PEÑA', 'CLIENTE ' || i || ' PEÑA, JOSÉ',
            'IDEN', right(lpad(i::text, 11, '0'), 4), 'DO', 'B' || (i % 20), 'Sucursal ' || (i % 20), 1000000 + i,
            now() - (i || ' minutes')::interval, now()
     FROM generate_series(1, $1::int) AS i`,
    [ROWS],
  );
  await client.query(
    `INSERT INTO aml_customers (customer_ext_id, enrollment_id, state, priority, risk_rank, submission_status, communication_number,
       submitted_at, sanctions_hit, pep_hit, adverse_media_hit, has_hit, initial_risk_level, final_risk_level, risk_level,
       decision_type, decision_ground_code, event_count, last_event_at, activity_at, updated_at)
     SELECT e.customer_number::text, e.id, s.state::"AmlState",
            CASE WHEN s.state = 'hit' OR s.risk IN ('HIGH', 'EXTREME') THEN 2 WHEN s.state IN ('rejected', 'failed') THEN 1 ELSE 0 END,
            CASE s.risk WHEN 'LOW' THEN 1 WHEN 'MEDIUM' THEN 2 WHEN 'HIGH' THEN 3 WHEN 'EXTREME' THEN 4 ELSE -1 END,
            s.submission::"AmlSubmissionStatus", 'EC-' || gen_random_uuid(), e.received_at,
            s.n % 3 = 0 AND s.state = 'hit', s.n % 3 = 1 AND s.state = 'hit', s.n % 3 = 2 AND s.state = 'hit', s.state = 'hit',
            CASE WHEN s.risk IS NULL THEN NULL ELSE 'LOW' END, s.risk, s.risk,
            CASE WHEN s.state IN ('completed', 'hit') THEN 'ACCEPTED' END, CASE WHEN s.state IN ('completed', 'hit') THEN 'NO_MATCH' END,
            CASE WHEN s.risk IS NULL THEN 0 ELSE 9 END, e.received_at, e.received_at, now()
     FROM (SELECT id, customer_number, received_at, row_number() OVER () AS n FROM enrollments) e
     CROSS JOIN LATERAL (
       SELECT e.n AS n,
              CASE WHEN e.n % 20 = 0 THEN 'hit' WHEN e.n % 20 = 1 THEN 'rejected' WHEN e.n % 20 = 2 THEN 'pending' WHEN e.n % 20 = 3 THEN 'accepted' ELSE 'completed' END AS state,
              CASE WHEN e.n % 20 = 1 THEN 'rejected' WHEN e.n % 20 = 2 THEN 'queued' ELSE 'accepted' END AS submission,
              CASE WHEN e.n % 20 IN (1, 2, 3) THEN NULL WHEN e.n % 20 = 0 THEN 'EXTREME' WHEN e.n % 7 = 0 THEN 'HIGH' WHEN e.n % 5 = 0 THEN 'MEDIUM' ELSE 'LOW' END AS risk
     ) s`,
  );
  await client.query("ANALYZE enrollments; ANALYZE aml_customers");
  await createBenchUser(client, "compliance");
  await client.end();
  console.log(`loaded ${ROWS} enrollments and AML views in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** The same rows and order the export produces, straight from PostgreSQL. */
const COPY_QUERY = `SELECT c.customer_ext_id, e.full_name, e.wisenroll_code, e.main_doc_type, e.main_doc_last4, e.main_doc_country, e.branch_code,
  e.branch_name, c.state, c.submission_status, c.communication_number, c.submitted_at, c.sanctions_hit, c.pep_hit, c.adverse_media_hit,
  c.internal_list_hit, c.risk_level, c.initial_risk_level, c.final_risk_level, c.decision_type, c.decision_ground_code, c.event_count,
  c.last_event_at, c.activity_at, c.submission_message
  FROM aml_customers c LEFT JOIN enrollments e ON e.id = c.enrollment_id
  ORDER BY c.priority DESC, c.risk_rank DESC, c.activity_at DESC, c.customer_ext_id DESC`;

async function rawBaseline(databaseUrl: string): Promise<{ label: string; seconds: number }> {
  const started = performance.now();
  if (spawnSync("psql", ["--version"]).status === 0) {
    execFileSync("psql", [databaseUrl, "-q", "-c", `\\copy (${COPY_QUERY.replace(/\s+/g, " ")}) TO '/dev/null' WITH (FORMAT csv, HEADER)`]);
    return { label: "raw COPY of the same join to CSV (psql)", seconds: (performance.now() - started) / 1000 };
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(COPY_QUERY);
  await client.end();
  return { label: "raw SELECT of the same join (no psql here)", seconds: (performance.now() - started) / 1000 };
}

async function timedExport(baseUrl: string, cookie: string, pid: number, query = "") {
  const before = processTreeRss(pid);
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, processTreeRss(pid));
  }, 20);
  const started = performance.now();
  let bytes = 0;
  let lines = 0;
  try {
    const response = await fetch(`${baseUrl}/api/aml/export${query}`, { headers: { cookie } });
    if (!response.ok || !response.body) throw new Error(`export answered ${response.status}`);
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      for (const byte of value) if (byte === 10) lines += 1;
    }
  } finally {
    clearInterval(sampler);
  }
  peak = Math.max(peak, processTreeRss(pid));
  return { seconds: (performance.now() - started) / 1000, bytes, rows: lines - 1, before, peak };
}

async function main() {
  const db = await scratchDatabase("bench_export");
  try {
    await load(db.url);
    const server = await startConsole({ databaseUrl: db.url, port: PORT });
    try {
      const cookie = await signIn(server.baseUrl);
      // Warm the route (its code loads on the first request) with a small export.
      await timedExport(server.baseUrl, cookie, server.pid, "?state=rejected&branch=B1");
      const run = await timedExport(server.baseUrl, cookie, server.pid);
      const raw = await rawBaseline(db.url);
      if (run.rows !== ROWS) throw new Error(`exported ${run.rows} rows, expected ${ROWS}`);
      console.log(`export: ${run.rows} rows, ${(run.bytes / MB).toFixed(1)} MB in ${run.seconds.toFixed(2)} s (${(run.rows / run.seconds).toFixed(0)} rows/s)`);
      console.log(`console memory (process tree RSS): ${(run.before / MB).toFixed(0)} MB before, ${(run.peak / MB).toFixed(0)} MB at peak, growth ${((run.peak - run.before) / MB).toFixed(0)} MB`);
      console.log(`${raw.label}: ${raw.seconds.toFixed(2)} s; ratio export/raw: ${(run.seconds / raw.seconds).toFixed(1)} (targets: export <= 10 s, growth <= 100 MB)`);
    } finally {
      await server.stop();
    }
  } finally {
    await db.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
