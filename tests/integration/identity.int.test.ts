// One person, one customer (issue 13): enrollments of one main document are one customer to the
// core. Against a strict sandbox core, which refuses a second create for a document it has (409).
import crypto from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ALL_BRANCHES, readIdentityMatch } from "@/lib/enrollment/identity-matches";
import { decideConflict, dismissDuplicate } from "@/lib/enrollment/identity-decisions";
import { saveSection } from "@/lib/enrollment/save-section";
import { intakeEnrollment } from "@/lib/intake/intake-enrollment";
import { parseIntake } from "@/lib/intake/parse-intake";
import { listEnrollments } from "@/lib/queue/list-enrollments";
import { parseQueueFilters, queueDefaults } from "@/lib/queue/queue-filters";
import { runPush } from "@/lib/push/pipeline";
import { requestPush } from "@/lib/push/request-push";
import { uniqueCode } from "./db";
import { actor, loadCalls, prisma, pushDatabase, pushDeps, queuePush, startCore, usePushDatabase, TEST_INTAKE_KEY_HASH, type TCoreHarness } from "./push-helpers";

let lockPool: pg.Pool;
let harness: TCoreHarness;
let database: Awaited<ReturnType<typeof pushDatabase>>;

beforeAll(async () => {
  database = await pushDatabase("identity");
  usePushDatabase(database.db);
  lockPool = new pg.Pool({ connectionString: database.url, max: 24 });
});
afterEach(async () => {
  await harness?.stop().catch(() => undefined);
});
afterAll(async () => {
  await lockPool.end();
  await database.drop();
});

type TPerson = { document: string; first?: string; last?: string; birthDate?: string };

/** Seed example 1 as another enrollment of the person given (its own wisenroll code). */
async function enroll(person: TPerson): Promise<string> {
  const body = JSON.parse(fs.readFileSync("fixtures/enrollments/seed-example-1.json", "utf8"));
  body.client_info.wisenroll_code = uniqueCode();
  if (person.first) body.client_info.first_name = person.first;
  if (person.last) body.client_info.last_name = person.last;
  if (person.birthDate) body.client_info.birth_date = person.birthDate;
  body.client_documents.find((d: { main: number }) => d.main === 1).document_number = person.document;
  const parsed = parseIntake(JSON.stringify(body));
  if (!parsed.ok) throw new Error("fixture rejected by intake");
  const result = await intakeEnrollment(prisma, { ...parsed, actor, keyHash: TEST_INTAKE_KEY_HASH });
  if (result.kind !== "created") throw new Error(`intake: ${result.kind}`);
  return result.enrollment.id;
}

const sentCustomerNumbers = async (id: string) =>
  (await loadCalls(id)).filter((call) => call.step === "core_customer").map((call) => (JSON.parse(call.requestBody) as { client_info: { customer_number: number | null } }).client_info.customer_number);

async function officer(name: string) {
  return prisma.user.create({ data: { username: `${name}-${uniqueCode(8).toLowerCase()}`, displayName: name, role: "officer", passwordHash: "x" } });
}

describe("one person, one customer", () => {
  it("an officer is told of the same person in another branch, never whose enrollment it is", async () => {
    const document = `ID-${uniqueCode(9)}`;
    const elsewhere = await enroll({ document, first: "OTRA" });
    const here = await enroll({ document });
    const duplicate = await enroll({ document: `ID-${uniqueCode(9)}` });
    await prisma.enrollment.update({ where: { id: elsewhere }, data: { branchCode: "04" } });
    await prisma.enrollment.updateMany({ where: { id: { in: [here, duplicate] } }, data: { branchCode: "01" } });
    const branch01 = { kind: "branches", branches: ["01"] } as const;

    const seen = await readIdentityMatch(prisma, here, branch01);
    // the enrollment of branch 04: named as another branch's, neither its code nor its name
    expect(seen?.conflict?.with).toEqual([expect.objectContaining({ id: elsewhere, wisenrollCode: null, fullName: "", branchCode: null, otherBranch: true })]);
    // one of branch 01: in full
    expect(seen?.duplicates.map((entry) => entry.peer)).toContainEqual(expect.objectContaining({ id: duplicate, otherBranch: false, branchCode: "01" }));
    // the queue row of an officer of 01 the same way
    const { wisenrollCode: elsewhereCode } = await prisma.enrollment.findUniqueOrThrow({ where: { id: elsewhere }, select: { wisenrollCode: true } });
    const rows = (await listEnrollments(prisma, queueDefaults(parseQueueFilters({ q: document }), { ownsEnrollments: false }), { scope: branch01, userId: "00000000-0000-7000-8000-000000000000" })).rows;
    expect(rows.map((row) => row.id)).toEqual([here]);
    expect(JSON.stringify(rows)).not.toContain(elsewhereCode!);
    expect(JSON.stringify(rows)).not.toContain("OTRA");
    // who reaches both branches (or every branch) reads it whole
    for (const scope of [{ kind: "branches", branches: ["01", "04"] } as const, ALL_BRANCHES]) {
      expect((await readIdentityMatch(prisma, here, scope))?.conflict?.with).toEqual([expect.objectContaining({ id: elsewhere, wisenrollCode: elsewhereCode, otherBranch: false })]);
    }
  });

  it("a second enrollment of one identity is matched on arrival and its push sends the first's customer number", async () => {
    harness = await startCore();
    const document = `ID-${uniqueCode(9)}`;
    const first = await enroll({ document });
    await queuePush(first, []);
    expect(await runPush(pushDeps(harness, lockPool), first)).toEqual({ kind: "settled", status: "pushed" });
    const { customerNumber } = await prisma.enrollment.findUniqueOrThrow({ where: { id: first }, select: { customerNumber: true } });

    // the same document typed another way (dashes, lower case) is the same identity
    const second = await enroll({ document: document.toLowerCase().replace("-", " - ") });
    const match = await readIdentityMatch(prisma, second, ALL_BRANCHES);
    expect(match?.customer).toMatchObject({ number: String(customerNumber), own: false, from: { id: first } });
    expect(match?.conflict).toBeNull();
    // the queue row says so too
    const { wisenrollCode } = await prisma.enrollment.findUniqueOrThrow({ where: { id: first }, select: { wisenrollCode: true } });
    const [row] = (await listEnrollments(prisma, queueDefaults(parseQueueFilters({ q: document }), { ownsEnrollments: false }), { scope: { kind: "all" }, userId: "00000000-0000-7000-8000-000000000000" })).rows.filter((r) => r.id === second);
    expect(row?.identity).toMatchObject({ customer: { number: String(customerNumber), own: false, fromCode: wisenrollCode }, blocked: false });

    await queuePush(second, []);
    expect(await runPush(pushDeps(harness, lockPool), second)).toEqual({ kind: "settled", status: "pushed" });
    expect(await sentCustomerNumbers(second)).toEqual([Number(customerNumber)]);
    expect(harness.sandbox.ledger.snapshot().customers).toHaveLength(1);
    const after = await prisma.enrollment.findUniqueOrThrow({ where: { id: second }, select: { customerNumber: true, customerSince: true } });
    expect(after.customerNumber).toBe(customerNumber);
    expect(after.customerSince).not.toBeNull();
  });

  it("20 concurrent pushes of 10 identities make exactly 10 creates, then updates with the numbers they returned", async () => {
    harness = await startCore(5000);
    const people = Array.from({ length: 10 }, () => `C-${uniqueCode(10)}`);
    const ids = (await Promise.all(people.map(async (document) => [await enroll({ document }), await enroll({ document })]))).flat();
    for (const id of ids) await queuePush(id, []);
    const results = await Promise.all(ids.map((id) => runPush(pushDeps(harness, lockPool), id)));
    expect(results.every((result) => result.kind === "settled" && result.status === "pushed")).toBe(true);

    const sent = (await Promise.all(ids.map(sentCustomerNumbers))).flat();
    expect(sent.filter((number) => number === null)).toHaveLength(10);
    expect(sent).toHaveLength(20);
    const ledger = harness.sandbox.ledger.snapshot();
    expect(ledger.customers).toHaveLength(10);
    expect(ledger.customers.every((customer) => customer.writes === 2)).toBe(true);
    // both enrollments of each person hold the one number
    for (let i = 0; i < ids.length; i += 2) {
      const [a, b] = await Promise.all([ids[i]!, ids[i + 1]!].map((id) => prisma.enrollment.findUniqueOrThrow({ where: { id }, select: { customerNumber: true } })));
      expect(a!.customerNumber).not.toBeNull();
      expect(a!.customerNumber).toBe(b!.customerNumber);
    }
  });

  it("one document under another name blocks the push until an officer decides; 'same person' pushes an update", async () => {
    harness = await startCore();
    const document = `X-${uniqueCode(9)}`;
    const first = await enroll({ document, first: "ANA", last: "MATOS" });
    await queuePush(first, []);
    await runPush(pushDeps(harness, lockPool), first);
    const second = await enroll({ document, first: "ANA", last: "NUNEZ" });
    const { version } = await prisma.enrollment.findUniqueOrThrow({ where: { id: second }, select: { version: true } });

    expect((await readIdentityMatch(prisma, second, ALL_BRANCHES))?.conflict?.with.map((peer) => peer.id)).toEqual([first]);
    expect(await requestPush(prisma, { enrollmentId: second, expectedVersion: version, products: [], actor })).toEqual({ kind: "identity_conflict" });

    const oscar = await officer("oscar");
    expect(await decideConflict(prisma, { enrollmentId: second, decision: "different_person", reason: "another woman", actor: { id: oscar.id, label: oscar.username } })).toEqual({ kind: "decided" });
    expect(await requestPush(prisma, { enrollmentId: second, expectedVersion: version, products: [], actor })).toEqual({ kind: "different_person" });

    await decideConflict(prisma, { enrollmentId: second, decision: "same_person", reason: "married, new last name", actor: { id: oscar.id, label: oscar.username } });
    await queuePush(second, []);
    expect(await runPush(pushDeps(harness, lockPool), second)).toEqual({ kind: "settled", status: "pushed" });
    const { customerNumber } = await prisma.enrollment.findUniqueOrThrow({ where: { id: first }, select: { customerNumber: true } });
    expect(await sentCustomerNumbers(second)).toEqual([Number(customerNumber)]);
    const audit = await prisma.auditEvent.findMany({ where: { targetId: second, action: { in: ["identity.conflict_decided", "enrollment.push_refused"] } } });
    expect(audit.map((event) => event.action).sort()).toEqual(["enrollment.push_refused", "enrollment.push_refused", "identity.conflict_decided", "identity.conflict_decided"]);
  });

  it("dismissing a possible duplicate needs a second officer, and both steps are audited", async () => {
    const person = { first: "DUPLI", last: uniqueCode(8), birthDate: "1980-03-04" };
    const a = await enroll({ ...person, document: `D-${uniqueCode(9)}` });
    const b = await enroll({ ...person, document: `D-${uniqueCode(9)}` });
    expect((await readIdentityMatch(prisma, a, ALL_BRANCHES))?.duplicates.map((entry) => entry.peer.id)).toEqual([b]);
    const olga = await officer("olga");
    const oscar = await officer("oscar");

    process.env.FOUR_EYES = "on";
    try {
      const dismiss = (user: { id: string; username: string }, enrollmentId = a, otherEnrollmentId = b) =>
        dismissDuplicate(prisma, { enrollmentId, otherEnrollmentId, reason: "different fathers' names", actor: { id: user.id, label: user.username } });
      expect(await dismiss(olga)).toEqual({ kind: "proposed" });
      // still a warning on both sides, with the proposal
      expect((await readIdentityMatch(prisma, b, ALL_BRANCHES))?.duplicates[0]?.proposal?.decidedById).toBe(olga.id);
      expect(await dismiss(olga, b, a)).toEqual({ kind: "four_eyes" });
      expect((await readIdentityMatch(prisma, a, ALL_BRANCHES))?.duplicates).toHaveLength(1);
      expect(await dismiss(oscar, b, a)).toEqual({ kind: "dismissed" });
      expect((await readIdentityMatch(prisma, a, ALL_BRANCHES))?.duplicates).toEqual([]);
      expect((await readIdentityMatch(prisma, b, ALL_BRANCHES))?.duplicates).toEqual([]);
    } finally {
      delete process.env.FOUR_EYES;
    }
    const audit = await prisma.auditEvent.findMany({ where: { action: { startsWith: "identity.duplicate" }, targetId: { in: [a, b] } }, orderBy: { id: "asc" } });
    expect(audit.map((event) => [event.action, event.actorId])).toEqual([
      ["identity.duplicate_dismissal_proposed", olga.id],
      ["identity.duplicate_dismissal_refused", olga.id],
      ["identity.duplicate_dismissed", oscar.id],
    ]);
  });

  it("an impossible birth date makes nobody a possible duplicate; corrected, the warning appears", async () => {
    const person = { first: "FEBRERO", last: uniqueCode(8), birthDate: "1990-02-30" };
    const a = await enroll({ ...person, document: `D-${uniqueCode(9)}` });
    const b = await enroll({ ...person, document: `D-${uniqueCode(9)}` });
    expect((await readIdentityMatch(prisma, a, ALL_BRANCHES))?.duplicates).toEqual([]);
    const listed = await listEnrollments(prisma, queueDefaults(parseQueueFilters({ q: person.last }), { ownsEnrollments: false }), { scope: ALL_BRANCHES, userId: crypto.randomUUID() });
    expect(listed.rows.map((row) => [row.id, row.identity])).toEqual(expect.arrayContaining([[a, null], [b, null]]));
    // both dates corrected to one real date: now they are a possible duplicate of each other
    const seed = JSON.parse(fs.readFileSync("fixtures/enrollments/seed-example-1.json", "utf8"));
    for (const id of [a, b]) {
      const { wisenrollCode } = await prisma.enrollment.findUniqueOrThrow({ where: { id } });
      const value = { ...seed.client_info, wisenroll_code: wisenrollCode, first_name: person.first, last_name: person.last, birth_date: "1990-02-28" };
      const saved = await saveSection(prisma, { enrollmentId: id, expectedSectionVersion: 0, section: "client_info", value, actor });
      expect(saved).toMatchObject({ kind: "saved" });
    }
    expect((await readIdentityMatch(prisma, a, ALL_BRANCHES))?.duplicates.map((entry) => entry.peer.id)).toEqual([b]);
  });

  it("a pushed enrollment edited later is 'update pending', not 'ready'", async () => {
    harness = await startCore();
    const id = await enroll({ document: `U-${uniqueCode(9)}` });
    await queuePush(id, []);
    await runPush(pushDeps(harness, lockPool), id);
    const saved = await saveSection(prisma, {
      enrollmentId: id,
      expectedSectionVersion: 0,
      section: "client_entity_branch",
      value: { branch_code: "02", branch_name: "Branch 02" },
      actor,
    });
    expect(saved).toMatchObject({ kind: "saved", status: "update_pending" });
    await queuePush(id, []);
    expect(await runPush(pushDeps(harness, lockPool), id)).toEqual({ kind: "settled", status: "pushed" });
  });

  it("an update the core refuses or never gets leaves a customer still owed its update, never back to review or plain failed", async () => {
    harness = await startCore();
    const id = await enroll({ document: `R-${uniqueCode(9)}` });
    await queuePush(id, []);
    expect(await runPush(pushDeps(harness, lockPool), id)).toEqual({ kind: "settled", status: "pushed" });
    const { customerNumber } = await prisma.enrollment.findUniqueOrThrow({ where: { id }, select: { customerNumber: true } });

    // the core refuses the update (4XX): the customer is still in the core, the update still owed
    harness.sandbox.setFaults({ core_customer: { kind: "status400", message: "Cliente bloqueado en core" } });
    await queuePush(id, []);
    await runPush(pushDeps(harness, lockPool), id);
    const refused = await prisma.enrollment.findUniqueOrThrow({ where: { id }, select: { status: true, customerNumber: true, pushError: true } });
    expect(refused).toMatchObject({ status: "update_pending", customerNumber });
    expect(refused.pushError).not.toBeNull();

    // the core cannot be reached at all: the same
    harness.sandbox.setFaults({ core_customer: { kind: "status500" } });
    await queuePush(id, []);
    await runPush(pushDeps(harness, lockPool), id);
    expect(await prisma.enrollment.findUniqueOrThrow({ where: { id }, select: { status: true, customerNumber: true } })).toEqual({ status: "update_pending", customerNumber });

    // and once the core takes it, pushed
    harness.sandbox.setFaults({});
    await queuePush(id, []);
    expect(await runPush(pushDeps(harness, lockPool), id)).toEqual({ kind: "settled", status: "pushed" });
  });
});
