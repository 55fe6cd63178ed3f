// Identity matching at 100,000 enrollments (issue 13): the p95 of the identity lookup the push
// worker and the enrollment page make (readIdentityMatch: the enrollment, every enrollment sharing
// its identity or person index, the officers' decisions), beside a primary-key read of the same
// row in the same run; and the queue page's server time with its "In the core / same person"
// column beside the same page without it (QUEUE_IDENTITY_COLUMN=off), two servers of one build on
// one database, their requests interleaved so both see the same machine.
// Run: npm run bench:identity   (BENCH_ROWS, BENCH_LOOKUPS and BENCH_REQUESTS override the defaults)
import crypto from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { generateEnrollment } from "@/lib/enrollment/generate";
import { mainDocument } from "@/lib/enrollment/identity";
import { ALL_BRANCHES, readIdentityMatch } from "@/lib/enrollment/identity-matches";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { extractQueueColumns } from "@/lib/intake/extract-columns";
import { sealSearch } from "@/lib/search/search-token";
import { codeFor, createBenchUser, percentile, scratchDatabase, signIn, startConsole } from "./harness";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const LOOKUPS = Number(process.env.BENCH_LOOKUPS ?? 2_000);
// a p95 of 200 is the 10th slowest request, which one pause of the machine moves: 500 per server
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 500);
const BATCH = 1000;
const STATUSES = ["received", "in_review", "ready", "pushed", "failed"];

type TRecord = Record<string, unknown>;

/**
 * Synthetic enrollments with the shapes matching meets: every tenth is a re-enrollment of the
 * previous one (same main document and person), the previous one pushed with a customer number;
 * every hundredth (offset 5) the previous one's name and birth date under another document (a
 * possible duplicate); the rest are people of their own (whose random names and birth dates still
 * collide now and then, as real ones do).
 */
function enrollment(n: number): { payload: TRecord; status: string; customerNumber: number | null } {
  const payload = generateEnrollment(n, 77);
  (payload.client_info as TRecord).wisenroll_code = codeFor(n, 77);
  const previous = n % 10 === 1 || n % 100 === 5 ? generateEnrollment(n - 1, 77) : {};
  if (n % 10 === 1) {
    const main = mainDocument(previous)!;
    const docs = payload.client_documents as TRecord[];
    const target = docs.find((doc) => doc.main === 1) ?? docs[0]!;
    Object.assign(target, { document_type_code: main.type, document_number: main.number, issuing_country_code: main.country });
    for (const key of ["first_name", "middle_name", "last_name", "middle_last_name", "birth_date"]) (payload.client_info as TRecord)[key] = (previous.client_info as TRecord)[key];
  }
  if (n % 100 === 5) {
    for (const key of ["first_name", "middle_name", "last_name", "middle_last_name", "birth_date"]) (payload.client_info as TRecord)[key] = (previous.client_info as TRecord)[key];
  }
  const pushed = n % 10 === 0 || n % 5 === 3;
  return { payload, status: pushed ? "pushed" : STATUSES[n % STATUSES.length]!, customerNumber: pushed ? 100_000 + n : null };
}

async function load(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("error", () => {}); // the drop at the end terminates this connection; that is expected
  await client.connect();
  const started = Date.now();
  let sampleDocument = "";
  for (let offset = 0; offset < ROWS; offset += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, ROWS - offset) }, (_, i) => {
      const n = offset + i;
      const { payload, status, customerNumber } = enrollment(n);
      if (n === Math.floor(ROWS / 2) + 1) sampleDocument = String(mainDocument(payload)?.number);
      const text = JSON.stringify(payload);
      return { n, text, status, customerNumber, columns: extractQueueColumns(payload) };
    });
    const column = <T>(pick: (row: (typeof rows)[number]) => T) => rows.map(pick);
    const receivedAt = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
    await client.query(
      `INSERT INTO enrollments (id, received_payload, payload, content_hash, status, issue_count, wisenroll_code, first_name, last_name,
         full_name, main_doc_type, main_doc_index, main_doc_last4, main_doc_country, branch_code, branch_name, identity_index, person_index,
         customer_number, customer_since, push_finished_at, received_at, updated_at)
       SELECT id, p, p, h, s::"EnrollmentStatus", ic, w, fn, ln, nm, dt, dx, dl, dc, bc, bn, ix, px, cn, cs, cs, r, now()
       FROM unnest($1::uuid[], $2::jsonb[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
                   $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::bigint[], $19::timestamptz[],
                   $20::timestamptz[])
         AS t(id, p, h, s, ic, w, fn, ln, nm, dt, dx, dl, dc, bc, bn, ix, px, cn, cs, r)`,
      [
        column(() => crypto.randomUUID()),
        column((row) => row.text),
        column((row) => crypto.createHash("sha256").update(row.text).digest("hex")),
        column((row) => row.status),
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
        column((row) => row.columns.identityIndex),
        column((row) => row.columns.personIndex),
        column((row) => (row.customerNumber === null ? null : String(row.customerNumber))),
        column((row) => (row.customerNumber === null ? null : receivedAt(row.n + 30))),
        column((row) => receivedAt(row.n)),
      ],
    );
  }
  await client.query("ANALYZE enrollments");
  const userId = await createBenchUser(client);
  const { rows: ids } = await client.query<{ id: string }>("SELECT id::text FROM enrollments ORDER BY random() LIMIT $1", [LOOKUPS]);
  await client.end();
  console.log(`loaded ${ROWS} enrollments in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { sampleDocument, userId, ids: ids.map((row) => row.id) };
}

const summary = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
};

async function lookups(databaseUrl: string, ids: string[]) {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 2 }) });
  try {
    const lookup: number[] = [];
    const baseline: number[] = [];
    let matched = 0;
    // warm-up: plans and connections
    for (const id of ids.slice(0, 50)) await readIdentityMatch(db, id, ALL_BRANCHES);
    for (const id of ids) {
      let started = performance.now();
      await db.$queryRaw`SELECT id, status, customer_number, identity_index, person_index FROM enrollments WHERE id = ${id}::uuid`;
      baseline.push(performance.now() - started);
      started = performance.now();
      const match = await readIdentityMatch(db, id, ALL_BRANCHES);
      lookup.push(performance.now() - started);
      if (match && (match.customer || match.samePerson.length > 0 || match.duplicates.length > 0)) matched += 1;
    }
    const base = summary(baseline);
    const found = summary(lookup);
    console.log(`primary-key read (baseline)      p50 ${base.p50.toFixed(2)} ms  p95 ${base.p95.toFixed(2)} ms`);
    console.log(
      `identity lookup (readIdentityMatch) p50 ${found.p50.toFixed(2)} ms  p95 ${found.p95.toFixed(2)} ms  (p95 ${(found.p95 / base.p95).toFixed(2)}x the read; ${matched} of ${ids.length} with a match)`,
    );
    console.log(`target: lookup p95 <= 5 ms at ${ROWS} enrollments`);
  } finally {
    await db.$disconnect();
  }
}

async function queuePages(databaseUrl: string, userId: string, sampleDocument: string) {
  const [withColumn, without] = await Promise.all([
    startConsole({ databaseUrl, port: 3230 }),
    startConsole({ databaseUrl, port: 3231, env: { QUEUE_IDENTITY_COLUMN: "off" } }),
  ]);
  try {
    const cookies = await Promise.all([signIn(withColumn.baseUrl), signIn(without.baseUrl)]);
    // the search travels as a sealed token (lib/search/search-token.ts), made for the signed-in user
    const scenarios: Array<[string, (i: number) => string]> = [
      ["queue, newest first", () => "/queue"],
      ["queue, status filter", (i) => `/queue?status=${STATUSES[i % STATUSES.length]}`],
      ["queue, name search", (i) => `/queue?qt=${sealSearch(["garc", "lopez", "maria", "núñez"][i % 4]!, userId)}`],
      ["queue, document search", () => `/queue?qt=${sealSearch(sampleDocument, userId)}`],
    ];
    const servers = [withColumn, without];
    for (const [, path] of scenarios) for (const [index, server] of servers.entries()) await fetch(`${server.baseUrl}${path(0)}`, { headers: { cookie: cookies[index]! } }).then((r) => r.text());
    const ratios: number[] = [];
    for (const [label, path] of scenarios) {
      const times: number[][] = [[], []];
      for (let i = 0; i < REQUESTS; i += 1) {
        // alternate which server goes first, so neither always meets the other's leftovers
        for (const index of i % 2 === 0 ? [0, 1] : [1, 0]) {
          const started = performance.now();
          const response = await fetch(`${servers[index]!.baseUrl}${path(i)}`, { headers: { cookie: cookies[index]! }, redirect: "manual" });
          const html = await response.text();
          if (!response.ok) throw new Error(`${path(i)} answered ${response.status}`);
          if (i === 0 && index === 0 && !html.includes("In the core / same person")) throw new Error("the identity column is missing");
          times[index]!.push(performance.now() - started);
        }
      }
      const [on, off] = times.map(summary) as [ReturnType<typeof summary>, ReturnType<typeof summary>];
      ratios.push(on.p95 / off.p95);
      console.log(
        `${label.padEnd(24)} with column p50 ${on.p50.toFixed(1)} ms p95 ${on.p95.toFixed(1)} ms | without p50 ${off.p50.toFixed(1)} ms p95 ${off.p95.toFixed(1)} ms | p95 ${(on.p95 / off.p95).toFixed(2)}x`,
      );
    }
    console.log(`target: queue page p95 with the column <= 1.1x without it (worst scenario ${Math.max(...ratios).toFixed(2)}x)`);
  } finally {
    await Promise.all([withColumn.stop(), without.stop()]);
  }
}

async function main() {
  const db = await scratchDatabase("bench_identity");
  try {
    const { sampleDocument, userId, ids } = await load(db.url);
    await lookups(db.url, ids);
    await queuePages(db.url, userId, sampleDocument);
  } finally {
    await db.drop();
  }
}

main().catch((error: unknown) => {
  // Printed before anything else so that a failure is never hidden by the clean-up.
  console.error(error);
  process.exit(1);
});
