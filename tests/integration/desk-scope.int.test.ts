// Branch scope against real PostgreSQL: an officer of one branch reaches another branch's
// enrollment by no route, page guard, action or list, each answering as for an enrollment that
// does not exist (404 / "does not exist"), and changes no row; compliance reaches every branch;
// the related-client picker finds people of other branches but shows them only by name, masked
// document and customer number; a note may mention only someone who can read the enrollment.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { TCurrentUser } from "@/lib/auth/current-user";
import { prisma } from "./db";
import { deskUser, enrollmentFingerprint, enrollmentOf, uniqueBranch } from "./desk-helpers";

const state = vi.hoisted(() => ({ user: null as TCurrentUser | null }));
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => state.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("@/lib/actions/client-ip", () => ({ clientIp: async () => "127.0.0.1" }));

const pipelineRoute = await import("@/app/api/enrollments/[id]/pipeline/route");
const presenceRoute = await import("@/app/api/enrollments/[id]/presence/route");
const candidatesRoute = await import("@/app/api/enrollments/[id]/related-candidates/route");
const clientsRoute = await import("@/app/api/enrollments/[id]/related-clients/route");
const queueRoute = await import("@/app/api/queue/route");
const queueCountRoute = await import("@/app/api/queue/count/route");
const { requireEnrollmentPage } = await import("@/lib/auth/guard");
const { saveSection } = await import("@/lib/enrollment/actions/save-section");
const { addNote } = await import("@/lib/notes/actions/add-note");
const { pushEnrollment, resolveProductRequest } = await import("@/lib/push/actions/push");
const { revealDocuments } = await import("@/lib/aml/actions/reveal-documents");
const { claimEnrollmentsAction } = await import("@/lib/desk/actions/claim-enrollments");
const { releaseEnrollmentsAction } = await import("@/lib/desk/actions/release-enrollments");
const { assignEnrollmentsAction } = await import("@/lib/desk/actions/assign-enrollments");

const B1 = uniqueBranch();
const B2 = uniqueBranch();
const SURNAME = `SCOPE${B2}`;
const CUSTOMER_NUMBER = 5_000_000_000 + Math.floor(Math.random() * 1_000_000);
let officer: TCurrentUser;
let lead: TCurrentUser;
let otherBranchOfficer: TCurrentUser;
let compliance: TCurrentUser;
let mine: { id: string; code: string };
let theirs: { id: string; code: string };
let theirsUnpushed: { id: string; code: string };

beforeAll(async () => {
  officer = await deskUser({ branches: [B1] });
  lead = await deskUser({ branches: [B1], deskLead: true });
  otherBranchOfficer = await deskUser({ branches: [B2] });
  compliance = await deskUser({ role: "compliance", branches: [] });
  mine = await enrollmentOf(B1, (body) => (body.client_info!.last_name = SURNAME));
  theirs = await enrollmentOf(B2, (body) => (body.client_info!.last_name = SURNAME));
  theirsUnpushed = await enrollmentOf(B2, (body) => (body.client_info!.last_name = SURNAME));
  await prisma.enrollment.update({ where: { id: theirs.id }, data: { status: "pushed", customerNumber: BigInt(CUSTOMER_NUMBER) } });
});

beforeEach(() => {
  state.user = officer;
});

const json = (url: string, body: unknown, method = "POST") =>
  new Request(url, { method, headers: { "Content-Type": "application/json" }, body: method === "GET" ? undefined : JSON.stringify(body) });
const params = (id: string) => ({ params: Promise.resolve({ id }) });

/** Every route of one enrollment, as the console's pages call them. */
const ROUTES = {
  pipeline: (id: string) => pipelineRoute.GET(json(`http://console.test/api/enrollments/${id}/pipeline`, null, "GET"), params(id)),
  presence: (id: string) => presenceRoute.POST(json(`http://console.test/api/enrollments/${id}/presence`, { editing: [], at: Date.now() }), params(id)),
  relatedCandidates: (id: string) => candidatesRoute.POST(json(`http://console.test/api/enrollments/${id}/related-candidates`, { q: SURNAME }), params(id)),
  relatedClients: (id: string) => clientsRoute.POST(json(`http://console.test/api/enrollments/${id}/related-clients`, { clients: [{ customerNumber: String(CUSTOMER_NUMBER), relatedWisenrollCode: "" }] }), params(id)),
};

/**
 * Every action naming an enrollment that an officer may call, with an input its schema accepts
 * (revealDocuments is compliance's, who sees every branch: it is in the last tests).
 */
const ACTIONS = {
  saveSection: (id: string) => saveSection({ enrollmentId: id, sectionVersion: 0, section: "client_entity_branch", value: { branch_code: B1, branch_name: "Moved" } }),
  addNote: (id: string) => addNote({ enrollmentId: id, body: "scope note" }),
  pushEnrollment: (id: string) => pushEnrollment({ enrollmentId: id, version: 1, products: [] }),
  resolveProductRequest: (id: string) => resolveProductRequest({ enrollmentId: id, productRequestId: "00000000-0000-7000-8000-000000000000", resolution: "not_created" }),
  claim: (id: string) => claimEnrollmentsAction({ enrollmentIds: [id] }),
  release: (id: string) => releaseEnrollmentsAction({ enrollmentIds: [id] }),
  assign: (id: string) => assignEnrollmentsAction({ enrollmentIds: [id], assigneeId: lead.id }),
};

describe("branch scope", () => {
  it("an officer of another branch gets 404 from every route of the enrollment, and nothing changes", async () => {
    const before = await enrollmentFingerprint(theirs.id);
    for (const [name, call] of Object.entries(ROUTES)) {
      const response = await call(theirs.id);
      expect(response.status, name).toBe(404);
      expect(await response.json(), name).toEqual({ error: "not found" });
    }
    expect(await enrollmentFingerprint(theirs.id)).toBe(before);
    // the same routes answer for the officer's own branch
    for (const [name, call] of Object.entries(ROUTES)) expect((await call(mine.id)).status, name).toBe(200);
  });

  it("answers an enrollment out of scope exactly as one that does not exist", async () => {
    const missing = "00000000-0000-7000-8000-00000000dead";
    for (const call of Object.values(ROUTES)) {
      const [outOfScope, nonexistent] = [await call(theirs.id), await call(missing)];
      expect([outOfScope.status, await outOfScope.text()]).toEqual([nonexistent.status, await nonexistent.text()]);
    }
    state.user = lead;
    for (const [name, call] of Object.entries(ACTIONS)) expect((await call(theirs.id))?.serverError, name).toBe((await call(missing))?.serverError);
  });

  it("refuses every action on the other branch's enrollment as not found, before it runs, changing no row", async () => {
    const before = await enrollmentFingerprint(theirs.id);
    const auditBefore = await prisma.auditEvent.count();
    // a lead of branch 1, who may call every one of them: only the branch decides
    state.user = lead;
    for (const [name, call] of Object.entries(ACTIONS)) {
      const result = await call(theirs.id);
      expect(result?.serverError, name).toBe("This enrollment does not exist.");
      expect(result?.data, name).toBeUndefined();
    }
    expect(await enrollmentFingerprint(theirs.id)).toBe(before);
    expect(await prisma.auditEvent.count()).toBe(auditBefore);
  });

  it("the page guard answers 404 (not 403) for another branch's enrollment", async () => {
    await expect(requireEnrollmentPage("enrollment:read", theirs.id)).rejects.toMatchObject({ digest: expect.stringContaining("404") });
    await expect(requireEnrollmentPage("enrollment:read", mine.id)).resolves.toMatchObject({ enrollment: { id: mine.id, branchCode: B1 } });
  });

  it("the queue lists only the officer's branches, whatever the filter asks", async () => {
    const ids = async (search: string) => ((await (await queueRoute.GET(new Request(`http://console.test/api/queue?owner=any&${search}`))).json()) as { rows: Array<{ id: string }> }).rows.map((row) => row.id);
    expect(await ids(`branch=${B1}`)).toEqual([mine.id]);
    expect(await ids(`branch=${B2}`)).toEqual([]);
    expect(await ids("sort=received_desc")).not.toContain(theirs.id);
    // and counts only them: the other branch's two are not there to count
    const count = async (search: string) => (await (await queueCountRoute.GET(new Request(`http://console.test/api/queue/count?owner=any&${search}`))).json()) as { count: number };
    expect(await count(`branch=${B1}`)).toEqual({ count: 1, more: false });
    expect(await count(`branch=${B2}`)).toEqual({ count: 0, more: false });
    state.user = compliance;
    expect((await ids(`branch=${B2}`)).sort()).toEqual([theirs.id, theirsUnpushed.id].sort());
    expect(await count(`branch=${B2}`)).toEqual({ count: 2, more: false });
  });

  it("compliance reads every branch's enrollment", async () => {
    state.user = compliance;
    expect((await ROUTES.pipeline(theirs.id)).status).toBe(200);
    expect((await ROUTES.presence(theirs.id)).status).toBe(200);
    await expect(requireEnrollmentPage("enrollment:read", theirs.id)).resolves.toMatchObject({ enrollment: { id: theirs.id } });
    expect((await revealDocuments({ enrollmentId: theirs.id }))?.data?.length).toBeGreaterThan(0);
  });

  it("the related-client picker finds another branch's customer, showing only name, masked document and customer number", async () => {
    const response = await ROUTES.relatedCandidates(mine.id);
    const text = await response.text();
    const rows = (JSON.parse(text) as { rows: Array<Record<string, unknown>> }).rows;
    const other = rows.find((row) => row.customerNumber === String(CUSTOMER_NUMBER));
    expect(other).toMatchObject({ otherBranch: true, wisenrollCode: null, status: "", mainDocMasked: expect.stringMatching(/^•+\w{4}$/) });
    expect(other!.fullName).toContain(SURNAME);
    // nothing to follow to the enrollment itself: not its id, not its code
    expect(text).not.toContain(theirs.id);
    expect(text).not.toContain(theirs.code);
    // one of another branch without a customer number cannot be named by the officer, so is not offered
    expect(text).not.toContain(theirsUnpushed.id);
    expect(text).not.toContain(theirsUnpushed.code);
    // and the lookup by customer number says as little
    const clients = await (await ROUTES.relatedClients(mine.id)).text();
    expect(clients).toContain('"otherBranch":true');
    expect(clients).not.toContain(theirs.id);
    expect(clients).not.toContain(theirs.code);
  });

  it("a note may mention only someone who can read the enrollment: not an officer of another branch", async () => {
    const refused = await addNote({ enrollmentId: mine.id, body: `ask @${otherBranchOfficer.username}` });
    expect(refused?.data).toEqual({ kind: "invalid", problem: { code: "unknownMention", names: [otherBranchOfficer.username] } });
    const added = await addNote({ enrollmentId: mine.id, body: `ask @${lead.username} and @${compliance.username}` });
    expect(added?.data?.kind).toBe("added");
  });
});
