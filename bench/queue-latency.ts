// Queue page server time (p50, p95) with 100,000 enrollments loaded, beside the login page
// (a server render without database work) measured in the same run as the baseline.
// BENCH_ROWS may list sizes (100000,1000000): the table grows to each in turn and every scenario is
// measured at each, so the growth ratio (p95 at the largest / p95 at the first) comes from one run,
// one server and one database.
// Run: npm run bench:queue   (BENCH_ROWS and BENCH_REQUESTS override the defaults)
import crypto from "node:crypto";
import pg from "pg";
import { generateEnrollment } from "@/lib/enrollment/generate";
import { mainDocument } from "@/lib/enrollment/identity";
import { extractQueueColumns } from "@/lib/intake/extract-columns";
import { sealSearch } from "@/lib/search/search-token";
import { codeFor, createBenchUser, percentile, scratchDatabase, signIn, startConsole } from "./harness";

const SIZES = (process.env.BENCH_ROWS ?? "100000").split(",").map(Number);
if (SIZES.some((size, i) => !Number.isInteger(size) || size <= (SIZES[i - 1] ?? 0))) throw new Error("BENCH_ROWS: sizes in increasing order, e.g. 100000,1000000");
// due times spread over as many minutes as the first size has rows, at every size: a bank's open
// enrollments are due around now however many years of finished ones the table holds
const ROWS = SIZES[0]!;
// due times are set around the bench's start, half past and half ahead
const EPOCH = Date.now();
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const BATCH = 1000;
const STATUSES = ["received", "in_review", "ready", "pushed", "failed"];
/** What the name-search scenarios (the page's and the count's) look for, in turn. */
const NAMES = ["garc", "lopez", "maria", "núñez"];

/** The bench officer and a colleague (the desk's owners). */
async function createUsers(client: pg.Client) {
  const userId = await createBenchUser(client);
  const colleague = crypto.randomUUID();
  await client.query(`INSERT INTO users (id, username, display_name, role, password_hash, branches, updated_at) VALUES ($1, 'bench2', 'Bench 2', 'officer', 'x', ARRAY['01'], now())`, [colleague]);
  return { userId, colleague };
}

/** Enrollments from..to-1 of the generator, in batches. */
async function load(client: pg.Client, users: { userId: string; colleague: string }, from: number, to: number) {
  const { userId, colleague } = users;
  const started = Date.now();
  // The desk's columns: a third of the rows the bench officer's, a third nobody's, a third a
  // colleague's; due times spread half past, half ahead, in another order than arrival.
  for (let offset = from; offset < to; offset += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, to - offset) }, (_, i) => {
      const n = offset + i;
      const payload = generateEnrollment(n, 99);
      (payload.client_info as Record<string, unknown>).wisenroll_code = codeFor(n, 99);
      const text = JSON.stringify(payload);
      return { n, text, columns: extractQueueColumns(payload) };
    });
    const column = <T>(pick: (row: (typeof rows)[number]) => T) => rows.map(pick);
    await client.query(
      `INSERT INTO enrollments (id, received_payload, payload, content_hash, status, issue_count, wisenroll_code, first_name,
         last_name, full_name, main_doc_type, main_doc_index, main_doc_last4, main_doc_country, branch_code, branch_name, received_at,
         identity_index, person_index, owner_id, due_at, updated_at)
       SELECT id, p, p, h, s::"EnrollmentStatus", ic, w, fn, ln, nm, dt, dx, dl, dc, bc, bn, r, ix, px, o, d, now()
       FROM unnest($1::uuid[], $2::jsonb[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[],
                   $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::timestamptz[], $17::text[], $18::text[],
                   $19::uuid[], $20::timestamptz[])
         AS t(id, p, h, s, ic, w, fn, ln, nm, dt, dx, dl, dc, bc, bn, r, ix, px, o, d)`,
      [
        column(() => crypto.randomUUID()),
        column((row) => row.text),
        column((row) => crypto.createHash("sha256").update(row.text).digest("hex")),
        column((row) => STATUSES[row.n % STATUSES.length]),
        column((row) => (row.n % 10 === 7 ? 3 : 0)),
        column((row) => row.columns.wisenrollCode),
        column((row) => row.columns.firstName),
        column((row) => row.columns.lastName),
        column((row) => row.columns.fullName),
        column((row) => row.columns.mainDocType),
        column((row) => row.columns.mainDocIndex),
        column((row) => row.columns.mainDocLast4),
        column((row) => row.columns.mainDocCountry),
        column((row) => row.columns.branchCode),
        column((row) => row.columns.branchName),
        column((row) => new Date(Date.UTC(2026, 0, 1) + row.n * 60_000).toISOString()),
        column((row) => row.columns.identityIndex),
        column((row) => row.columns.personIndex),
        column((row) => [userId, null, colleague][row.n % 3]),
        column((row) => new Date(EPOCH + (((row.n * 7919) % ROWS) - ROWS / 2) * 60_000).toISOString()),
      ],
    );
  }
  // VACUUM as well: autovacuum would otherwise visit the new rows while a stage measures (the
  // first run of the two sizes measured that, not the queue), and index-only scans need the map
  await client.query("VACUUM ANALYZE enrollments");
  console.log(`loaded ${to} enrollments (${to - from} more in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

/** The main document number of the n-th enrollment, which the search scenario looks for (only its blind index is stored). */
const documentOf = (n: number) => String(mainDocument(generateEnrollment(n, 99))?.number);

async function timeRequests(url: (i: number) => string, cookie: string | null) {
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i += 1) {
    const started = performance.now();
    const response = await fetch(url(i), { headers: cookie ? { cookie } : {}, redirect: "manual" });
    await response.text();
    if (!response.ok) throw new Error(`${url(i)} answered ${response.status}`);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

type TScenario = [label: string, url: (i: number) => string];

async function measure(scenarios: TScenario[], cookie: string, size: number) {
  // Warm up the server (first renders compile and fill caches) and the new rows' pages.
  for (let i = 0; i < 20; i += 1) for (const [, url] of scenarios) await fetch(url(i), { headers: { cookie } }).then((r) => r.text());
  let baseline = 0;
  // today's query before the desk columns: newest first (the ratio the SLA's due order is held to)
  let newest = 0;
  const p95s = new Map<string, number>();
  for (const [label, url] of scenarios) {
    const { p50, p95 } = await timeRequests(url, baseline === 0 ? null : cookie);
    if (baseline === 0) baseline = p95;
    if (label === "queue, newest first") newest = p95;
    p95s.set(label, p95);
    const vsNewest = newest > 0 ? `, ${(p95 / newest).toFixed(2)}x newest first` : "";
    console.log(`${label.padEnd(30)} p50 ${p50.toFixed(1)} ms  p95 ${p95.toFixed(1)} ms  (p95 ${(p95 / baseline).toFixed(2)}x login${vsNewest})`);
  }
  console.log(`target: queue p95 <= 150 ms at ${size} enrollments`);
  return p95s;
}

async function main() {
  const db = await scratchDatabase("bench_queue");
  const client = new pg.Client({ connectionString: db.url });
  client.on("error", () => {}); // the drop at the end terminates this connection; that is expected
  await client.connect();
  try {
    const users = await createUsers(client);
    const { userId } = users;
    const server = await startConsole({ databaseUrl: db.url, port: 3220 });
    try {
      const cookie = await signIn(server.baseUrl);
      const docNumber = documentOf(Math.floor(SIZES[0]! / 2));
      // The baseline is the login page rendered for an anonymous visitor: the same layout,
      // translations and session check, without the queue's database work. A search travels as a
      // token sealed for the signed-in user (`qt`, lib/search/search-token.ts), never as `?q=`.
      const scenarios: TScenario[] = [
        ["login page (baseline)", () => `${server.baseUrl}/login`],
        ["queue, newest first", () => `${server.baseUrl}/queue?sort=received_desc&owner=any`],
        // an officer's default: mine, then unassigned, due soonest first (lib/queue/list-enrollments.ts listDesk)
        ["queue, desk (default)", () => `${server.baseUrl}/queue`],
        ["queue, due soonest first", () => `${server.baseUrl}/queue?sort=due_asc&owner=any`],
        ["queue, overdue, desk order", () => `${server.baseUrl}/queue?due=overdue`],
        ["queue, status filter", (i) => `${server.baseUrl}/queue?status=${STATUSES[i % STATUSES.length]}`],
        ["queue, name search", (i) => `${server.baseUrl}/queue?qt=${sealSearch(NAMES[i % NAMES.length]!, userId)}`],
        ["queue, document search", () => `${server.baseUrl}/queue?qt=${sealSearch(docNumber, userId)}`],
        ["queue, branch + sort by name", () => `${server.baseUrl}/queue?branch=03&sort=name_asc`],
        // The count of what the filters match, which the table asks for on its own (GET /api/queue/count):
        // the rows never wait for it. A name search's reads every match of its trigrams.
        ["count, desk (default)", () => `${server.baseUrl}/api/queue/count`],
        ["count, name search", (i) => `${server.baseUrl}/api/queue/count?qt=${sealSearch(NAMES[i % NAMES.length]!, userId)}`],
      ];
      const results: Array<{ size: number; p95s: Map<string, number> }> = [];
      let loaded = 0;
      for (const size of SIZES) {
        await load(client, users, loaded, size);
        loaded = size;
        results.push({ size, p95s: await measure(scenarios, cookie, size) });
      }
      if (results.length > 1) {
        const first = results[0]!;
        const last = results.at(-1)!;
        const ratios = scenarios.slice(1).map(([label]) => {
          const ratio = last.p95s.get(label)! / first.p95s.get(label)!;
          console.log(`${label.padEnd(30)} p95 at ${last.size} / at ${first.size}: ${ratio.toFixed(2)}x`);
          return { label, ratio };
        });
        // the target is the page's; the counts are reported beside it
        const pages = ratios.filter(({ label }) => label.startsWith("queue,")).map(({ ratio }) => ratio);
        console.log(`target: queue page p95 at ${last.size} <= 1.3x p95 at ${first.size} (worst page ${Math.max(...pages).toFixed(2)}x)`);
      }
    } finally {
      server.stop();
    }
  } finally {
    await client.end().catch(() => undefined);
    await db.drop();
  }
}

main().catch((error: unknown) => {
  // Printed before anything else so that a failure is never hidden by the clean-up.
  console.error(error);
  process.exit(1);
});
