import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { intakeEnrollment } from "@/lib/intake/intake-enrollment";
import { parseIntake } from "@/lib/intake/parse-intake";
import { countEnrollments, listEnrollments, QUEUE_PAGE_SIZE } from "@/lib/queue/list-enrollments";
import { parseQueueFilters, queueDefaults } from "@/lib/queue/queue-filters";
import { prisma, uniqueCode } from "./db";

// A branch of our own, so the demo data and other tests do not change what we count.
const BRANCH = `T${uniqueCode(5)}`;
const TOTAL = QUEUE_PAGE_SIZE + 13;
const ids: string[] = [];
let docNumber = "";

beforeAll(async () => {
  const template = JSON.parse(fs.readFileSync("fixtures/enrollments/seed-example-1.json", "utf8"));
  for (let i = 0; i < TOTAL; i += 1) {
    const body = structuredClone(template);
    body.client_info.wisenroll_code = uniqueCode();
    body.client_info.last_name = i === 5 ? "ZUÑIGA" : `QUEUE${i}`;
    body.client_entity_branch = { branch_code: BRANCH, branch_name: "Test branch" };
    const main = body.client_documents.find((d: { main: number }) => d.main === 1);
    main.document_number = `${BRANCH}${String(i).padStart(4, "0")}`;
    if (i === 7) docNumber = main.document_number;
    if (i % 4 === 0) delete body.client_contact.email;
    const parsed = parseIntake(JSON.stringify(body));
    if (!parsed.ok) throw new Error("fixture rejected");
    const result = await intakeEnrollment(prisma, { ...parsed, actor: { id: null, label: "test" } });
    if (result.kind !== "created") throw new Error(result.kind);
    ids.push(result.enrollment.id);
    await prisma.enrollment.update({ where: { id: result.enrollment.id }, data: { receivedAt: new Date(Date.UTC(2020, 0, 1, 0, i)) } });
  }
});

const filters = (params: Record<string, string>) => queueDefaults(parseQueueFilters({ branch: BRANCH, ...params }), { ownsEnrollments: false });
/** A reader of every branch (compliance): the scope's own tests are in desk-scope.int.test.ts. */
const EVERYONE = { scope: { kind: "all" } as const, userId: "00000000-0000-7000-8000-000000000000" };

describe("queue query", () => {
  it("pages by keyset, newest first, without gaps or repeats", async () => {
    const first = await listEnrollments(prisma, filters({}), EVERYONE);
    expect(first.rows).toHaveLength(QUEUE_PAGE_SIZE);
    expect(first.nextCursor).not.toBeNull();
    const second = await listEnrollments(prisma, filters({ cursor: first.nextCursor! }), EVERYONE);
    expect(second.rows).toHaveLength(TOTAL - QUEUE_PAGE_SIZE);
    expect(second.nextCursor).toBeNull();
    const seen = [...first.rows, ...second.rows].map((row) => row.id);
    expect(seen).toEqual([...ids].reverse());
  });

  it("walks back a page with the cursor before it, and counts what the filters match", async () => {
    const first = await listEnrollments(prisma, filters({}), EVERYONE);
    expect(first.prevCursor).toBeNull();
    expect(await countEnrollments(prisma, filters({}), EVERYONE)).toEqual({ count: TOTAL, more: false });
    // the same for every page of the same filters
    expect(await countEnrollments(prisma, filters({ cursor: first.nextCursor! }), EVERYONE)).toEqual({ count: TOTAL, more: false });
    const second = await listEnrollments(prisma, filters({ cursor: first.nextCursor! }), EVERYONE);
    expect(second.prevCursor).toEqual(expect.any(String));
    const back = await listEnrollments(prisma, filters({ before: second.prevCursor! }), EVERYONE);
    expect(back.rows.map((row) => row.id)).toEqual(first.rows.map((row) => row.id));
    expect(back.prevCursor).toBeNull();
    expect(back.nextCursor).not.toBeNull();
    // the same both ways in another order, by name
    const byName = await listEnrollments(prisma, filters({ sort: "name_asc" }), EVERYONE);
    const byNameNext = await listEnrollments(prisma, filters({ sort: "name_asc", cursor: byName.nextCursor! }), EVERYONE);
    const byNameBack = await listEnrollments(prisma, filters({ sort: "name_asc", before: byNameNext.prevCursor! }), EVERYONE);
    expect(byNameBack.rows.map((row) => row.id)).toEqual(byName.rows.map((row) => row.id));
    // QUEUE1, QUEUE10…QUEUE19
    expect(await countEnrollments(prisma, filters({ q: "QUEUE1" }), EVERYONE)).toEqual({ count: 11, more: false });
  });

  it("walks the desk order back, band by band", async () => {
    const desk = (params: Record<string, string>) => queueDefaults(parseQueueFilters({ branch: BRANCH, ...params }), { ownsEnrollments: true });
    const first = await listEnrollments(prisma, desk({}), EVERYONE);
    expect(first.rows[0]!.id).toBe(ids[0]);
    const second = await listEnrollments(prisma, desk({ cursor: first.nextCursor! }), EVERYONE);
    expect(second.prevCursor).toEqual(expect.any(String));
    const back = await listEnrollments(prisma, desk({ before: second.prevCursor! }), EVERYONE);
    expect(back.rows.map((row) => row.id)).toEqual(first.rows.map((row) => row.id));
    expect([...first.rows, ...second.rows].map((row) => row.id)).toEqual(ids);
  });

  it("searches by the last four characters the queue shows and by the start of a wisenroll code", async () => {
    const lastFour = docNumber.slice(-4);
    for (const q of [lastFour, `••••${lastFour}`, `*${lastFour.toLowerCase()}`]) {
      const found = await listEnrollments(prisma, filters({ q }), EVERYONE);
      expect(found.rows.map((row) => row.id), q).toEqual([ids[7]]);
    }
    const code = (await prisma.enrollment.findUniqueOrThrow({ where: { id: ids[3]! } })).wisenrollCode!;
    const byStart = await listEnrollments(prisma, filters({ q: code.slice(0, -2).toLowerCase() }), EVERYONE);
    expect(byStart.rows.map((row) => row.id)).toContain(ids[3]);
    // the middle of a code is not its start
    const byMiddle = await listEnrollments(prisma, filters({ q: code.slice(2) }), EVERYONE);
    expect(byMiddle.rows.map((row) => row.id)).not.toContain(ids[3]);
  });

  it("finds enrollments by the words of their notes, within the reader's branches only", async () => {
    const author = await prisma.user.create({ data: { username: `notes-${uniqueCode(8).toLowerCase()}`, displayName: "Notes Author", role: "officer", passwordHash: "x", branches: [BRANCH] }, select: { id: true } });
    const words = `pasaporte vencido ${uniqueCode(4)}`;
    await prisma.enrollmentNote.create({ data: { enrollmentId: ids[9]!, authorId: author.id, body: `Cliente llamó: ${words}, trae otro el lunes` } });
    const found = await listEnrollments(prisma, filters({ q: words.toUpperCase() }), EVERYONE);
    expect(found.rows.map((row) => row.id)).toEqual([ids[9]]);
    // an officer of another branch does not reach it through its note
    const elsewhere = { scope: { kind: "branches", branches: ["ZZ-OTHER"] } as const, userId: EVERYONE.userId };
    const hidden = await listEnrollments(prisma, queueDefaults(parseQueueFilters({ q: words }), { ownsEnrollments: false }), elsewhere);
    expect(hidden.rows).toEqual([]);
  });

  it("sorts oldest first and by name, in both directions", async () => {
    const oldest = await listEnrollments(prisma, filters({ sort: "received_asc" }), EVERYONE);
    expect(oldest.rows[0]!.id).toBe(ids[0]);
    const byName = await listEnrollments(prisma, filters({ sort: "name_desc" }), EVERYONE);
    expect(byName.rows[0]!.fullName).toContain("ZUÑIGA");
    const next = await listEnrollments(prisma, filters({ sort: "name_desc", cursor: byName.nextCursor! }), EVERYONE);
    const names = [...byName.rows, ...next.rows].map((row) => row.fullName);
    expect(names).toHaveLength(TOTAL);
    expect(new Set(names.map((_, i) => [...byName.rows, ...next.rows][i]!.id)).size).toBe(TOTAL);
  });

  it("sorts by issue count", async () => {
    const page = await listEnrollments(prisma, filters({ sort: "issues_desc" }), EVERYONE);
    expect(page.rows[0]!.issueCount).toBe(1);
    expect(page.rows.at(-1)!.issueCount).toBe(0);
  });

  it("searches by part of a name (accents included), by wisenroll code and by full document number", async () => {
    const byName = await listEnrollments(prisma, filters({ q: "zuñi" }), EVERYONE);
    expect(byName.rows).toHaveLength(1);
    const byDoc = await listEnrollments(prisma, filters({ q: docNumber }), EVERYONE);
    expect(byDoc.rows.map((row) => row.id)).toEqual([ids[7]]);
    const code = (await prisma.enrollment.findUniqueOrThrow({ where: { id: ids[3]! } })).wisenrollCode!;
    const byCode = await listEnrollments(prisma, queueDefaults(parseQueueFilters({ q: code.toLowerCase() }), { ownsEnrollments: false }), EVERYONE);
    expect(byCode.rows.map((row) => row.id)).toEqual([ids[3]]);
    const partialDoc = await listEnrollments(prisma, filters({ q: docNumber.slice(0, -1) }), EVERYONE);
    expect(partialDoc.rows).toHaveLength(0);
  });

  it("masks the main document except its last four characters", async () => {
    const page = await listEnrollments(prisma, filters({ q: docNumber }), EVERYONE);
    expect(page.rows[0]!.mainDocMasked.endsWith(docNumber.slice(-4))).toBe(true);
    expect(page.rows[0]!.mainDocMasked).not.toContain(docNumber.slice(0, -4));
  });

  it("filters by status and received date range", async () => {
    await prisma.enrollment.update({ where: { id: ids[2]! }, data: { status: "ready" } });
    const ready = await listEnrollments(prisma, filters({ status: "ready" }), EVERYONE);
    expect(ready.rows.map((row) => row.id)).toEqual([ids[2]]);
    const none = await listEnrollments(prisma, filters({ from: "2020-01-02" }), EVERYONE);
    expect(none.rows).toHaveLength(0);
    const all = await listEnrollments(prisma, filters({ from: "2020-01-01", to: "2020-01-01", sort: "received_asc" }), EVERYONE);
    expect(all.rows[0]!.id).toBe(ids[0]);
  });

  it("ignores a forged cursor instead of failing", async () => {
    const page = await listEnrollments(prisma, filters({ cursor: "bm90LWEtY3Vyc29y" }), EVERYONE);
    expect(page.rows[0]!.id).toBe(ids.at(-1));
  });
});
