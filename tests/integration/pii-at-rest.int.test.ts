// Identity numbers at rest, end to end on a database of its own: the seed's three enrollments are
// received, one has its main document corrected, all are pushed through the sandbox core (one
// with a related client whose main document the console fills in), sent to the sandbox AMLYZE
// with nationalCode, and AMLYZE's events come back (one echoing the nationalCode). The core and
// AMLYZE also echo the numbers back in their errors, as a real one may: the core refuses a
// customer naming its document (in {message}, then as a raw text body), refuses a related
// client's account in a partly opened product, AMLYZE fails and then refuses a submission naming
// the nationalCode, and a binary-mode event carries it in a header. Then every table of every
// schema is dumped raw: no document number of the fixtures, nor the corrected one, may appear in
// it. The console itself still shows and sends them, shows the core's words verbatim to the
// officer, masks them for compliance, and still finds an enrollment by its full document number.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { promisify } from "node:util";
import pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAmlCustomer } from "@/lib/aml/get-aml-customer";
import { getEnrollmentAml } from "@/lib/aml/get-enrollment-aml";
import { getTimeline } from "@/lib/aml/get-timeline";
import { openAmlQueueCsv } from "@/lib/aml/export-csv";
import { ingestEvents } from "@/lib/aml/ingest-events";
import { listAmlCustomers } from "@/lib/aml/list-aml-customers";
import { parseAmlFilters } from "@/lib/aml/aml-filters";
import { runAmlSubmissions } from "@/lib/aml/submit";
import { getEnrollment } from "@/lib/enrollment/get-enrollment";
import { listRevisions } from "@/lib/enrollment/get-history";
import { saveSection } from "@/lib/enrollment/save-section";
import { getEnrollmentOutcome } from "@/lib/intake/enrollment-outcome";
import { maskIdentity } from "@/lib/intake/extract-columns";
import { intakeEnrollment } from "@/lib/intake/intake-enrollment";
import { parseIntake } from "@/lib/intake/parse-intake";
import { getPipeline } from "@/lib/push/get-pipeline";
import { runPush } from "@/lib/push/pipeline";
import { listEnrollments } from "@/lib/queue/list-enrollments";
import { parseQueueFilters, queueDefaults } from "@/lib/queue/queue-filters";

/** A reader of every branch, as compliance is. */
const EVERYONE = { scope: { kind: "all" } as const, userId: "00000000-0000-7000-8000-000000000000" };
import { buildEvents } from "@/sandbox/amlyze/events";
import type { TAmlyzeSubmission } from "@/sandbox/amlyze/validate";
import { reasonText } from "@/tests/reason-text";
import { amlDeps, startAmlyze, type TAmlyzeHarness } from "./aml-helpers";
import { actor, ensureProductCodes, product, pushDatabase, pushDeps, queuePush, startCore, usePushDatabase, type TCoreHarness } from "./push-helpers";

const FIXTURES = [1, 2, 3].map((n) => JSON.parse(fs.readFileSync(`fixtures/enrollments/seed-example-${n}.json`, "utf8")) as Record<string, any>);
/** The number the officer types over enrollment 3's main document. */
const CORRECTED = "ZX4471902588";
/** The intake key the fixtures are sent with (the outcome lookup reads only what its key sent). */
const KEY_HASH = "b".repeat(64);

/** Every value under a document_number key, however deep. */
function documentNumbers(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(documentNumbers);
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => (key === "document_number" && typeof child === "string" ? [child] : documentNumbers(child)));
}
const mainNumber = (body: Record<string, any>) => body.client_documents.find((d: { main: number }) => d.main === 1).document_number as string;
const NUMBERS = [...new Set([...FIXTURES.flatMap(documentNumbers), CORRECTED])];
/** The core's and AMLYZE's words with the request's document number in them (sandbox fault messages). */
const ECHO = {
  customer: "Documento {document_number} bloqueado por el core",
  customerRaw: "REJECTED document={document_number}",
  related: "Relacionado {document_number}: firma no autorizada",
  amlyze500: "screening failed for nationalCode {document_number}",
  amlyze400: "nationalCode {document_number} is on a blocked list",
};
const echoed = (template: string, number: string) => template.replace("{document_number}", number);

let database: Awaited<ReturnType<typeof pushDatabase>>;
let lockPool: pg.Pool;
let core: TCoreHarness;
let amlyze: TAmlyzeHarness;
const ids: string[] = [];
/** The pipeline as the officer saw it right after each refusal of enrollment 1 (the push error is replaced by the next push). */
const refused: Array<{ id: string; pipeline: NonNullable<Awaited<ReturnType<typeof getPipeline>>> }> = [];
/** Enrollment 3's AML submissions while the failed attempt waited for the next one. */
const waitingAml: Awaited<ReturnType<typeof getEnrollmentAml>>["submissions"] = [];

beforeAll(async () => {
  database = await pushDatabase("pii_at_rest");
  usePushDatabase(database.db);
  lockPool = new pg.Pool({ connectionString: database.url, max: 4 });
  await ensureProductCodes();
  // Customer numbers of six digits: a random ten-digit one (1111000001) may contain a fixture's
  // document number (111000001) and read as a leak in the dump. This database is the test's own.
  core = await startCore(1500, 700_001);
  amlyze = await startAmlyze();
  const db = database.db;

  for (const [index, fixture] of FIXTURES.entries()) {
    // The seed sends requested products with the first example, as the demo seed does.
    const body = index === 0 ? { ...fixture, requested_products: [{ product_code: "AH01" }] } : fixture;
    const parsed = parseIntake(JSON.stringify(body));
    if (!parsed.ok) throw new Error("fixture rejected");
    const result = await intakeEnrollment(db, { ...parsed, actor, keyHash: KEY_HASH });
    if (result.kind !== "created") throw new Error(result.kind);
    ids.push(result.enrollment.id);
  }

  // An officer corrects enrollment 3's main document number (old and new values go to the revision).
  const third = (await getEnrollment(db, ids[2]!))!;
  const documents = structuredClone((third.payload as Record<string, any>).client_documents);
  documents.find((d: { main: number }) => d.main === 1).document_number = CORRECTED;
  const saved = await saveSection(db, { enrollmentId: ids[2]!, expectedSectionVersion: 0, section: "client_documents", value: documents, actor: { id: null, label: "officer-test" } });
  if (saved.kind !== "saved") throw new Error(`save: ${saved.kind}`);

  // Enrollment 1 first: enrollment 2 names it as a related client by wisenroll code. The core
  // refuses it twice naming its main document (in {message}, then as a raw text body): back to
  // review each time, with the core's words on the enrollment; the third push goes through.
  core.sandbox.setFaults({ core_customer: { kind: "status400", message: ECHO.customer, times: 1 } });
  await queuePush(ids[0]!, [product("AH01")]);
  await runPush(pushDeps(core, lockPool), ids[0]!);
  refused.push({ id: ids[0]!, pipeline: (await getPipeline(db, ids[0]!))! });
  core.sandbox.setFaults({ core_customer: { kind: "status400", message: ECHO.customerRaw, raw: true, times: 1 } });
  await queuePush(ids[0]!, []);
  await runPush(pushDeps(core, lockPool), ids[0]!);
  refused.push({ id: ids[0]!, pipeline: (await getPipeline(db, ids[0]!))! });
  await queuePush(ids[0]!, []);
  await runPush(pushDeps(core, lockPool), ids[0]!);
  // Enrollment 2's account opens, but the core refuses the related client's companion account naming
  // that client's main document: pushed, with the core's words on the product and the enrollment.
  core.sandbox.setFaults({ core_product: { kind: "partial", message: ECHO.related, times: 1 } });
  await queuePush(ids[1]!, [
    { productCode: "CC01", openDate: "2026-11-21", related: [{ customerNumber: null, relatedWisenrollCode: FIXTURES[0]!.client_info.wisenroll_code, accountLinkTypeCode: null, authorizedSignature: 1, mainDocument: null }] },
  ]);
  await runPush(pushDeps(core, lockPool), ids[1]!);
  await queuePush(ids[2]!, [product("DP01")]);
  await runPush(pushDeps(core, lockPool), ids[2]!);

  const events = [];
  for (const id of ids) {
    await runAmlSubmissions(amlDeps(amlyze, lockPool, { db }), id);
    const submission = await db.amlSubmission.findFirstOrThrow({ where: { enrollmentId: id } });
    const sent = amlyze.sandbox.submissions().find((s) => s.communicationNumber === submission.communicationNumber)!;
    events.push(...buildEvents(sent.body as TAmlyzeSubmission));
  }
  // An event AMLYZE may send that carries the customer's national code back.
  const echo = { ...events[0]!, id: randomUUID(), type: "com.amlyze.customer.updated", data: { riskLevel: "LOW", nationalCode: mainNumber(FIXTURES[0]!) } };
  await ingestEvents(lockPool, [...events, echo].map((e) => ({ ...e, subject: e.subject, time: new Date(e.time), raw: JSON.stringify(e), rawHeaders: null })));
  // And one in binary mode whose headers carry it (an extension attribute): stored as received.
  const binary = { ...events[0]!, id: randomUUID(), type: "com.amlyze.customer.updated", data: { riskLevel: "LOW" } };
  const headers = { "content-type": "application/json", "ce-id": binary.id, "ce-type": binary.type, "ce-source": binary.source, "ce-nationalcode": mainNumber(FIXTURES[1]!) };
  await ingestEvents(lockPool, [{ ...binary, subject: binary.subject, time: new Date(binary.time), raw: JSON.stringify(binary.data), rawHeaders: headers }]);

  // Enrollment 3 is pushed again (an update): its second AML submission fails once with AMLYZE's
  // words naming the nationalCode, then AMLYZE refuses it naming it again. The refusal stays the
  // customer's latest word, on the submission and on the AML view.
  await queuePush(ids[2]!, []);
  await runPush(pushDeps(core, lockPool), ids[2]!);
  amlyze.sandbox.setFault({ kind: "status500", message: ECHO.amlyze500, times: 1 });
  await runAmlSubmissions(amlDeps(amlyze, lockPool, { db }), ids[2]!);
  waitingAml.push(...(await getEnrollmentAml(db, ids[2]!)).submissions);
  amlyze.sandbox.setFault({ kind: "status400", message: ECHO.amlyze400, times: 1 });
  await runAmlSubmissions(amlDeps(amlyze, lockPool, { db }), ids[2]!);
}, 60_000);

afterAll(async () => {
  await amlyze?.stop();
  await core?.stop();
  await lockPool?.end();
  await database?.drop();
});

/** Every row of every table in every schema, as text: what a raw dump of the database holds. */
async function dumpEveryTable(url: string): Promise<{ text: string; tables: string[] }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(`
      SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`);
    let text = "";
    for (const { name } of tables) {
      const { rows } = await client.query<{ row: string }>(`SELECT t::text AS row FROM ${name} t`);
      text += `${name}\n${rows.map((r) => r.row).join("\n")}\n`;
    }
    return { text, tables: tables.map((t) => t.name) };
  } finally {
    await client.end();
  }
}

/** pg_dump's own dump, when this machine's pg_dump can read this server (the embedded PostgreSQL may be newer). */
async function pgDump(url: string): Promise<string | null> {
  try {
    const { stdout } = await promisify(execFile)("pg_dump", ["--data-only", "--no-owner", url], { maxBuffer: 256 * 1024 * 1024 });
    return stdout;
  } catch {
    return null;
  }
}

describe("identity numbers at rest", () => {
  it("the test really went through every place a number could land", async () => {
    const db = database.db;
    expect(NUMBERS.length).toBeGreaterThanOrEqual(20);
    const enrollments = await db.enrollment.findMany({ where: { id: { in: ids } }, select: { status: true } });
    expect(enrollments.map((e) => e.status)).toEqual(["pushed", "pushed", "pushed"]);
    expect(await db.enrollmentRevision.count()).toBe(1);
    expect(await db.outboundCall.count({ where: { step: "core_product" } })).toBe(3);
    expect(await db.amlSubmission.count({ where: { status: "accepted" } })).toBe(3);
    expect(await db.amlSubmission.count({ where: { status: "rejected" } })).toBe(1);
    expect(await db.amlEvent.count()).toBeGreaterThan(3);
    expect(await db.amlEvent.count({ where: { rawHeaders: { not: Prisma.DbNull } } })).toBe(1);
    // The core and AMLYZE got the numbers in clear.
    const ledger = core.sandbox.ledger.snapshot();
    expect(ledger.customers.map((c) => c.mainDocument.document_number).sort()).toEqual([mainNumber(FIXTURES[0]!), mainNumber(FIXTURES[1]!), CORRECTED].sort());
    expect([...new Set(amlyze.sandbox.submissions().map((s) => (s.body as { nationalCode?: string }).nationalCode))].sort()).toEqual([mainNumber(FIXTURES[0]!), mainNumber(FIXTURES[1]!), CORRECTED].sort());
    // And they echoed them back: every fault above answered with a number of the fixtures in it.
    const answers = amlyze.sandbox.submissions().filter((s) => s.fault !== null).map((s) => JSON.stringify(s.response));
    expect(answers).toEqual([expect.stringContaining(CORRECTED), expect.stringContaining(CORRECTED)]);
  });

  it("a raw dump of every table holds none of the document numbers in clear", async () => {
    const dump = await dumpEveryTable(database.url);
    expect(dump.tables).toEqual(expect.arrayContaining(["public.enrollments", "public.outbound_calls", "public.aml_events", "graphile_worker._private_jobs"]));
    const leaks = NUMBERS.filter((number) => dump.text.includes(number));
    expect(leaks).toEqual([]);
    // And the dump is not empty of what was stored: sealed values are there.
    expect(dump.text).toMatch(/pii:v\d+:/);
    const pgDumpText = await pgDump(database.url);
    if (pgDumpText !== null) expect(NUMBERS.filter((number) => pgDumpText.includes(number))).toEqual([]);
  });

  it("search by full document number still finds the enrollment, through the blind index", async () => {
    const db = database.db;
    const found = async (q: string) => (await listEnrollments(db, queueDefaults(parseQueueFilters({ q }), { ownsEnrollments: false }), EVERYONE)).rows.map((row) => row.id);
    expect(await found(mainNumber(FIXTURES[0]!))).toEqual([ids[0]]);
    expect(await found(mainNumber(FIXTURES[1]!))).toEqual([ids[1]]);
    expect(await found(CORRECTED)).toEqual([ids[2]]);
    // The main document before the correction no longer finds it.
    expect(await found(mainNumber(FIXTURES[2]!))).toEqual([]);
    const row = (await listEnrollments(db, queueDefaults(parseQueueFilters({ q: CORRECTED }), { ownsEnrollments: false }), EVERYONE)).rows[0]!;
    expect(row.mainDocMasked).toBe(`••••${CORRECTED.slice(-4)}`);
    const aml = await listAmlCustomers(db, parseAmlFilters({ q: mainNumber(FIXTURES[1]!) }));
    expect(aml.rows.map((r) => r.enrollmentId)).toEqual([ids[1]]);
  });

  it("the officer reads the core's words verbatim, echoed numbers included; the onboarding app still gets its accounts", async () => {
    const db = database.db;
    const main1 = mainNumber(FIXTURES[0]!);
    // The core's refusals of enrollment 1, as the pipeline showed them: {message}, then the raw body.
    expect(refused.map((r) => reasonText(r.pipeline.pushError))).toEqual([echoed(ECHO.customer, main1), echoed(ECHO.customerRaw, main1)]);
    expect(refused.map((r) => r.pipeline.status)).toEqual(["in_review", "in_review"]);
    // Enrollment 2: pushed, the refused companion account said on the product and on the enrollment.
    const pipeline = (await getPipeline(db, ids[1]!))!;
    expect(pipeline.status).toBe("pushed");
    expect(reasonText(pipeline.pushError)).toBe(`CC01: CC01-2: ${echoed(ECHO.related, main1)}`);
    expect(reasonText(pipeline.pushError, "es")).toBe(`CC01: CC01-2: ${echoed(ECHO.related, main1)}`);
    const [cc01] = pipeline.products;
    expect(cc01!.status).toBe("partial");
    expect(cc01!.accounts).toEqual([
      expect.objectContaining({ action: "CREATE", accountProduct: "CC01" }),
      { action: "ERROR", accountProduct: "CC01-2", accountNumber: null, message: echoed(ECHO.related, main1) },
    ]);
    expect(reasonText(cc01!.message)).toBe(`CC01-2: ${echoed(ECHO.related, main1)}`);
    const outcome = (await getEnrollmentOutcome(db, { id: ids[1]!, keyHash: KEY_HASH }))!;
    expect(outcome.accounts).toEqual([{ account_product: "CC01", account_number: cc01!.accounts[0]!.accountNumber }]);
    // Enrollment 3's second AML submission: AMLYZE's words while it waited, then its refusal.
    expect(reasonText(waitingAml[0]!.message)).toBe(`Attempt 1: HTTP 500: ${echoed(ECHO.amlyze500, CORRECTED)}`);
    const [latest] = (await getEnrollmentAml(db, ids[2]!)).submissions;
    expect(latest).toMatchObject({ status: "rejected", errors: [{ code: "SANDBOX", message: echoed(ECHO.amlyze400, CORRECTED) }] });
    expect(reasonText(latest!.message)).toBe(`SANDBOX: ${echoed(ECHO.amlyze400, CORRECTED)}`);
  });

  it("the console reads everything back in clear where it shows it, masked where compliance reads it", async () => {
    const db = database.db;
    const first = (await getEnrollment(db, ids[0]!))!;
    expect(first.receivedPayload).toEqual({ ...FIXTURES[0], requested_products: [{ product_code: "AH01" }] });
    const [revision] = await listRevisions(db, ids[2]!);
    expect(revision!.changes).toEqual([expect.objectContaining({ old: mainNumber(FIXTURES[2]!), new: CORRECTED })]);
    // The pipeline view shows the exact bytes the core got, related client's main document included.
    const pipeline = (await getPipeline(db, ids[1]!))!;
    const product = pipeline.attempts.find((a) => a.step === "core_product")!;
    expect(JSON.parse(product.requestBody).related_client_info[0].main_document.document_number).toBe(mainNumber(FIXTURES[0]!));
    expect(pipeline.products[0]!.relatedClientInfo).toEqual([expect.objectContaining({ main_document: expect.objectContaining({ document_number: mainNumber(FIXTURES[0]!) }) })]);
    const customer = pipeline.attempts.find((a) => a.step === "core_customer")!;
    expect(JSON.parse(customer.requestBody).client_documents.map((d: { document_number: string }) => d.document_number)).toEqual(
      FIXTURES[1]!.client_documents.map((d: { document_number: string }) => d.document_number),
    );
    const timeline = JSON.stringify(await getTimeline(db, { enrollmentId: ids[0]!, customerExtId: null }));
    expect(timeline).toContain(`0001`);
    expect(NUMBERS.filter((number) => timeline.includes(number))).toEqual([]);
    // The core's refusals are in it, with the number it echoed masked.
    expect(timeline).toContain(echoed(ECHO.customer, maskIdentity(mainNumber(FIXTURES[0]!))));
  });

  it("compliance reads the core's and AMLYZE's words with the echoed numbers masked: timeline, customer page, queue, export", async () => {
    const db = database.db;
    const masked = maskIdentity(CORRECTED);
    const { customerNumber } = await db.enrollment.findUniqueOrThrow({ where: { id: ids[2]! }, select: { customerNumber: true } });
    const customerExtId = String(customerNumber);
    for (const id of ids) {
      const timeline = JSON.stringify(await getTimeline(db, { enrollmentId: id, customerExtId: null }));
      expect(NUMBERS.filter((number) => timeline.includes(number))).toEqual([]);
    }
    const third = JSON.stringify(await getTimeline(db, { enrollmentId: ids[2]!, customerExtId }));
    expect(third).toContain(echoed(ECHO.amlyze400, masked));
    expect(third).toContain(echoed(ECHO.amlyze500, masked));

    const customer = (await getAmlCustomer(db, customerExtId))!;
    expect(customer.state).toBe("rejected");
    expect(customer.submissions[0]).toMatchObject({ status: "rejected", errors: [{ code: "SANDBOX", message: echoed(ECHO.amlyze400, masked) }] });
    expect(reasonText(customer.submissions[0]!.message)).toBe(`SANDBOX: ${echoed(ECHO.amlyze400, masked)}`);

    const [row] = (await listAmlCustomers(db, parseAmlFilters({ q: customerExtId }))).rows;
    expect(reasonText(row!.submissionMessage)).toBe(`SANDBOX: ${echoed(ECHO.amlyze400, masked)}`);

    const stream = await openAmlQueueCsv(lockPool, parseAmlFilters({}), { formatReason: (reason) => reasonText(reason)! });
    const csv = await new Response(stream).text();
    expect(csv).toContain(`SANDBOX: ${echoed(ECHO.amlyze400, masked)}`);
    expect(NUMBERS.filter((number) => csv.includes(number))).toEqual([]);
  });
});
