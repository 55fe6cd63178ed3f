// The AML queue and its CSV export against real PostgreSQL: every sort pages by keyset without
// gaps or repeats, hits and high risk come first by default, filters narrow, and the export
// writes exactly the queue's rows in the queue's order, masked and formula-safe.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AML_SORTS, parseAmlFilters, type TAmlFilters } from "@/lib/aml/aml-filters";
import { createAmlSubmission } from "@/lib/aml/create-submission";
import { openAmlQueueCsv } from "@/lib/aml/export-csv";
import { ingestEvents } from "@/lib/aml/ingest-events";
import { listAmlCustomers } from "@/lib/aml/list-aml-customers";
import { buildEvents } from "@/sandbox/amlyze/events";
import { reasonText } from "@/tests/reason-text";
import { prisma, uniqueCode } from "./db";
import { loadOpenedEnrollment } from "./pii-helpers";
import { AML_MESSAGE, intakeFixture, removeJobs } from "./push-helpers";

const MARKER = `ZQ${uniqueCode(6)}`;
const LAST_NAMES = ["MARTINEZ", "SANCTIONED", "POLITICO", "ADVERSO", "MARTINEZ", "MARTINEZ"];
const created: Array<{ id: string; customerExtId: string; documentNumber: string }> = [];
let pool: pg.Pool;

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  const base = 2_000_000_000_000 + Math.floor(Math.random() * 1_000_000) * 1_000;
  for (let i = 0; i < 23; i += 1) {
    const lastName = LAST_NAMES[i % LAST_NAMES.length]!;
    // Every fifth customer's name starts like a spreadsheet formula.
    const firstName = i % 5 === 0 ? `=${MARKER}${i}` : `${MARKER}${i}`;
    let documentNumber = "";
    const id = await intakeFixture(1, (body) => {
      const info = body.client_info as Record<string, unknown>;
      Object.assign(info, { first_name: firstName, middle_name: null, last_name: lastName, middle_last_name: null });
    });
    const enrollment = await loadOpenedEnrollment(prisma, id);
    const documents = (enrollment.payload as { client_documents: Array<{ main: number; document_number: string }> }).client_documents;
    documentNumber = documents.find((d) => d.main === 1)!.document_number;
    const customerNumber = base + i;
    await prisma.$transaction((tx) =>
      createAmlSubmission(tx, { enrollmentId: id, pushSeq: 1, customerNumber, coreBody: enrollment.payload, settings: AML_MESSAGE, triggeredById: null }),
    );
    // Two in three customers already have AMLYZE's results.
    if (i % 3 !== 2) {
      const events = buildEvents({
        communicationNumber: `EC-queue-${i}`,
        requester: "financial_institution",
        riskManagementCategory: "FAST",
        entityType: "INDIVIDUAL",
        customerExtId: String(customerNumber),
        firstName,
        lastName,
        customerStatus: "ACTIVE",
      });
      await ingestEvents(pool, events.map((e) => ({ ...e, subject: e.subject, time: new Date(e.time), raw: JSON.stringify(e), rawHeaders: null })));
    }
    created.push({ id, customerExtId: String(customerNumber), documentNumber });
  }
});
afterAll(async () => {
  await removeJobs(created.map((c) => c.id));
  await pool.end();
});

async function allPages(filters: TAmlFilters, pageSize: number) {
  const rows = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 100; guard += 1) {
    const page = await listAmlCustomers(prisma, { ...filters, cursor }, { pageSize });
    rows.push(...page.rows);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return rows;
}

async function exportText(filters: TAmlFilters): Promise<string> {
  const stream = await openAmlQueueCsv(pool, filters, { formatReason: (reason) => reasonText(reason)! });
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

describe("AML queue", () => {
  it("every sort pages by keyset with no gap and no repeat", async () => {
    for (const sort of AML_SORTS) {
      const filters = parseAmlFilters({ q: MARKER, sort });
      const paged = await allPages(filters, 4);
      const whole = await allPages(filters, 100);
      expect(whole).toHaveLength(23);
      expect(paged.map((r) => r.customerExtId)).toEqual(whole.map((r) => r.customerExtId));
    }
  });

  it("by default hits and HIGH/EXTREME risk come first, then rejected or failed, then the rest", async () => {
    const rows = await allPages(parseAmlFilters({ q: MARKER }), 100);
    const rank = (r: (typeof rows)[number]) => (r.state === "hit" || r.riskLevel === "HIGH" || r.riskLevel === "EXTREME" ? 2 : r.state === "rejected" || r.state === "failed" ? 1 : 0);
    const ranks = rows.map(rank);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
    expect(rows[0]!.state).toBe("hit");
    expect(rows.every((r) => r.mainDocMasked.startsWith("•"))).toBe(true);
  });

  it("filters by hit type, risk, decision and state", async () => {
    const count = async (params: Record<string, string>) => (await allPages(parseAmlFilters({ q: MARKER, ...params }), 100)).length;
    const sanctions = await count({ hit: "sanctions" });
    const pep = await count({ hit: "pep" });
    expect(sanctions).toBeGreaterThan(0);
    expect(await count({ hit: "any" })).toBe(sanctions + pep + (await count({ hit: "adverse_media" })));
    expect(await count({ risk: "EXTREME" })).toBe(sanctions);
    expect(await count({ decision: "REJECTED" })).toBe(sanctions);
    expect(await count({ state: "pending" })).toBe(7);
    expect(await count({ decision: "none" })).toBe(7);
    expect(await count({ state: "completed" })).toBe(await count({ hit: "none", decision: "ACCEPTED" }));
  });
});

describe("CSV export", () => {
  it("writes the queue's rows in the queue's order, masked, formula-safe, through a cursor", async () => {
    const filters = parseAmlFilters({ q: MARKER });
    const text = await exportText(filters);
    expect(text.startsWith("\uFEFFcustomer_ext_id,full_name,")).toBe(true);
    const lines = text.slice(1).trimEnd().split("\r\n");
    expect(lines).toHaveLength(24);
    const queue = await allPages(filters, 100);
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(queue.map((r) => r.customerExtId));
    for (const c of created) expect(text).not.toContain(c.documentNumber);
    const formula = created.find((_, i) => i % 5 === 0)!;
    expect(text).toContain(`${formula.customerExtId},'=${MARKER}0 MARTINEZ,`);
    expect(text).not.toMatch(/,=/);
  });

  it("a client that stops reading ends the transaction and returns the connection", async () => {
    const stream = await openAmlQueueCsv(pool, parseAmlFilters({ q: MARKER }), { formatReason: (reason) => reasonText(reason)! });
    const reader = stream.getReader();
    await reader.read();
    await reader.cancel();
    expect(pool.totalCount - pool.idleCount).toBe(0);
    // And the connection is usable: no transaction or cursor left open on it.
    const { rows } = await pool.query<{ open: number }>("SELECT count(*)::int AS open FROM pg_cursors");
    expect(rows[0]!.open).toBe(0);
  });
});
