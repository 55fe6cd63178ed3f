// The role matrix, against the production build: every server action in the build's server
// reference manifest and every API route in its app-paths manifest is called as anonymous,
// officer, compliance and admin. Every call a role may not make must be refused and change no
// row; an action or route missing from the expectations below fails the test, so a new one
// cannot ship without its line here. Then the branch scope: an officer of branch 01 reaches an
// enrollment of branch 02 by no page, route or action (404, as for one that does not exist).
import fs from "node:fs";
import path from "node:path";
import { hash } from "@node-rs/argon2";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { DEMO, type TDemoRole } from "../fixtures";
import { INTAKE_KEY } from "../../playwright.config";

type TCaller = "anonymous" | "officer" | "compliance" | "admin";
const CALLERS: readonly TCaller[] = ["anonymous", "officer", "compliance", "admin"];

/** Fixtures every sample input may use, read from the seeded database before the calls. */
type TSamples = { enrollmentId: string; version: number; productRequestId: string; userId: string };

type TActionExpectation = { allowed: readonly TCaller[]; input: (s: TSamples) => unknown };

/** exportedName → who may call it, and an input that passes its schema (so only the role decides). */
const ACTIONS: Record<string, TActionExpectation> = {
  updateLocale: { allowed: ["officer", "compliance", "admin"], input: () => ({ locale: "en" }) },
  saveSection: {
    allowed: ["officer"],
    input: (s) => ({ enrollmentId: s.enrollmentId, sectionVersion: 0, section: "client_entity_branch", value: { branch_code: "X", branch_name: "Matrix" } }),
  },
  pushEnrollment: { allowed: ["officer"], input: (s) => ({ enrollmentId: s.enrollmentId, version: s.version, products: [] }) },
  resolveProductRequest: { allowed: ["officer"], input: (s) => ({ enrollmentId: s.enrollmentId, productRequestId: s.productRequestId, resolution: "not_created" }) },
  // Who a person is (issue 13): an identity conflict's decision, a possible duplicate's dismissal (four-eyes)
  decideIdentityConflict: { allowed: ["officer"], input: (s) => ({ enrollmentId: s.enrollmentId, decision: "same_person", reason: "matrix" }) },
  dismissPossibleDuplicate: { allowed: ["officer"], input: (s) => ({ enrollmentId: s.enrollmentId, otherEnrollmentId: s.enrollmentId, reason: "matrix" }) },
  revealDocuments: { allowed: ["compliance"], input: (s) => ({ enrollmentId: s.enrollmentId }) },
  addNote: { allowed: ["officer", "compliance"], input: (s) => ({ enrollmentId: s.enrollmentId, body: "matrix note" }) },
  // The desk: claim, release, and (leads, checked inside) assign
  claimEnrollmentsAction: { allowed: ["officer"], input: (s) => ({ enrollmentIds: [s.enrollmentId] }) },
  releaseEnrollmentsAction: { allowed: ["officer"], input: (s) => ({ enrollmentIds: [s.enrollmentId] }) },
  assignEnrollmentsAction: { allowed: ["officer"], input: (s) => ({ enrollmentIds: [s.enrollmentId], assigneeId: s.userId }) },
  // "Next enrollment": takes from the caller's own branches only, so it names none
  nextEnrollmentAction: { allowed: ["officer"], input: () => ({}) },
  // The queue and AML search box's text, posted for the token their URLs carry instead.
  sealSearchAction: { allowed: ["officer", "compliance"], input: () => ({ q: "111110001" }) },
  // A user's own saved queue views (each action reaches only the caller's)
  saveQueueViewAction: { allowed: ["officer", "compliance"], input: () => ({ name: "matrix", filters: { status: "ready" }, makeDefault: false }) },
  deleteQueueViewAction: { allowed: ["officer", "compliance"], input: (s) => ({ viewId: s.userId }) },
  setDefaultQueueViewAction: { allowed: ["officer", "compliance"], input: () => ({ viewId: null }) },
  // Administration (products, integrations, users, keys, two-factor policy)
  setSwitchAction: { allowed: ["admin"], input: () => ({ name: "requireTotp", on: true }) },
  createProductCodeAction: { allowed: ["admin"], input: () => ({ code: "MX01", name: "Matrix", description: "", active: true }) },
  updateProductCodeAction: { allowed: ["admin"], input: () => ({ code: "AH01", name: "Matrix", description: "", active: false }) },
  deleteProductCodeAction: { allowed: ["admin"], input: () => ({ code: "AH01" }) },
  // The review SLA (Admin → Settings → Review SLA)
  saveSlaCalendarAction: { allowed: ["admin"], input: () => ({ targetHours: 1, timeZone: "UTC", days: Array.from({ length: 7 }, () => ({ worked: true, open: "00:00", close: "01:00" })) }) },
  saveSlaBranchTargetAction: { allowed: ["admin"], input: () => ({ branchCode: "01", targetHours: 1, timeZone: "" }) },
  removeSlaBranchTargetAction: { allowed: ["admin"], input: () => ({ branchCode: "01" }) },
  addSlaHolidayAction: { allowed: ["admin"], input: () => ({ day: "2030-01-01", name: "Matrix", branchCode: "" }) },
  removeSlaHolidayAction: { allowed: ["admin"], input: () => ({ id: "00000000-0000-7000-8000-000000000000" }) },
  saveIntegrationSettingsAction: { allowed: ["admin"], input: () => ({ integration: "core", values: { username: "matrix" }, clear: ["password"] }) },
  testIntegrationAction: { allowed: ["admin"], input: () => ({ integration: "core" }) },
  // Single sign-on (Admin → Settings): its discovery test and the group → role table
  testSsoAction: { allowed: ["admin"], input: () => ({}) },
  saveSsoGroupRolesAction: { allowed: ["admin"], input: () => ({ mappings: [{ group: "matrix-group", role: "admin" }] }) },
  createUserAction: { allowed: ["admin"], input: () => ({ username: "matrix-user", displayName: "Matrix", role: "admin", temporaryPassword: "" }) },
  changeUserRoleAction: { allowed: ["admin"], input: (s) => ({ userId: s.userId, role: "admin" }) },
  setUserDisabledAction: { allowed: ["admin"], input: (s) => ({ userId: s.userId, disabled: true }) },
  setUserDeskAction: { allowed: ["admin"], input: (s) => ({ userId: s.userId, branches: ["01"], deskLead: true }) },
  resetUserPasswordAction: { allowed: ["admin"], input: (s) => ({ userId: s.userId, temporaryPassword: "" }) },
  resetUserTotpAction: { allowed: ["admin"], input: (s) => ({ userId: s.userId }) },
  createIntakeKeyAction: { allowed: ["admin"], input: () => ({ name: "matrix" }) },
  revokeIntakeKeyAction: { allowed: ["admin"], input: (s) => ({ id: s.userId }) },
  // A user's own account: every signed-in role
  changeOwnPasswordAction: {
    allowed: ["officer", "compliance", "admin"],
    input: () => ({ currentPassword: "not-the-password", newPassword: "matrix-password-2026", confirmPassword: "matrix-password-2026" }),
  },
  startTotpEnrolmentAction: { allowed: ["officer", "compliance", "admin"], input: () => ({}) },
  confirmTotpEnrolmentAction: { allowed: ["officer", "compliance", "admin"], input: () => ({ code: "123456" }) },
  // One's own notifications (the bell, /notifications)
  markNotificationsRead: { allowed: ["officer", "compliance", "admin"], input: () => ({ all: true }) },
};

type TRouteExpectation = { method: "GET" | "POST"; allowed: readonly (TCaller | "intake-key" | "public")[]; path: (s: TSamples) => string };

/** app-paths-manifest route → expectations. next-auth's own routes are public by design. */
const ROUTES: Record<string, TRouteExpectation[] | "skip"> = {
  "/api/auth/[...nextauth]/route": "skip",
  "/api/queue/route": [{ method: "GET", allowed: ["officer", "compliance"], path: () => "/api/queue" }],
  "/api/queue/count/route": [{ method: "GET", allowed: ["officer", "compliance"], path: () => "/api/queue/count" }],
  "/api/enrollments/[id]/pipeline/route": [{ method: "GET", allowed: ["officer", "compliance"], path: (s) => `/api/enrollments/${s.enrollmentId}/pipeline` }],
  // The push form's related-client picker: only roles that may push get search results.
  "/api/enrollments/[id]/related-candidates/route": [{ method: "POST", allowed: ["officer"], path: (s) => `/api/enrollments/${s.enrollmentId}/related-candidates` }],
  "/api/enrollments/[id]/presence/route": [{ method: "POST", allowed: ["officer", "compliance"], path: (s) => `/api/enrollments/${s.enrollmentId}/presence` }],
  // The push form's check that each related client is real: only roles that may push.
  "/api/enrollments/[id]/related-clients/route": [{ method: "POST", allowed: ["officer"], path: (s) => `/api/enrollments/${s.enrollmentId}/related-clients` }],
  "/api/v1/enrollments/route": [{ method: "POST", allowed: ["intake-key"], path: () => "/api/v1/enrollments" }],
  "/api/v1/enrollments/[id]/route": [{ method: "GET", allowed: ["intake-key"], path: (s) => `/api/v1/enrollments/${s.enrollmentId}` }],
  "/api/v1/openapi.json/route": [{ method: "GET", allowed: ["public"], path: () => "/api/v1/openapi.json" }],
  // For load balancers and monitors: whether the database answers and a push worker beats, no secrets.
  "/api/health/route": [{ method: "GET", allowed: ["public"], path: () => "/api/health" }],
  "/api/aml/export/route": [{ method: "GET", allowed: ["compliance"], path: () => "/api/aml/export" }],
  // The desk dashboard's CSV: admins, and officers who lead branches (the matrix's officer, Olga, does)
  "/api/desk/export/route": [{ method: "GET", allowed: ["officer", "admin"], path: () => "/api/desk/export" }],
  // The bell: one's own notifications.
  "/api/notifications/route": [{ method: "GET", allowed: ["officer", "compliance", "admin"], path: () => "/api/notifications" }],
  // An event stream that never ends for those allowed: its refusals and its delivery are held by
  // tests/integration/notifications.int.test.ts.
  "/api/notifications/stream/route": "skip",
  // Only AMLYZE, with the webhook secret's signature: no session and no intake key may post.
  "/api/v1/amlyze/events/route": [{ method: "POST", allowed: [], path: () => "/api/v1/amlyze/events" }],
};

const REFUSAL = /Your role may not do this|Your session has ended/;

/** The tables whose fingerprint line differs, for the failure message. */
function changedTables(before: string, after: string): string {
  const was = new Set(before.split("\n"));
  return after
    .split("\n")
    .filter((line) => !was.has(line))
    .map((line) => line.split(":")[0])
    .join(", ");
}

async function contextFor(caller: TCaller | { username: string; password: string }, baseURL: string): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL });
  if (caller === "anonymous") return context;
  const { username, password } = typeof caller === "string" ? DEMO[caller as TDemoRole] : caller;
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await context.post("/api/auth/callback/credentials", { form: { username, password, csrfToken, json: "true" } });
  expect(response.ok()).toBeTruthy();
  return context;
}

/**
 * A fingerprint of every row of every table the console owns, plus the job queue. It digests
 * each row's physical version (ctid, xmin) rather than its contents: an insert or a delete
 * changes the set, and an update writes a new row version with a new ctid and xmin, so any
 * change shows, at a fraction of the cost of serialising every JSONB payload. One round trip.
 */
/**
 * Tables written on their own clock, by no call under test: the push worker's heartbeat and its
 * checkpoints of the audit chain's head, and the presence an open page (of an earlier test,
 * closing) reports. A wrongly allowed presence call still shows in its status.
 */
const WRITTEN_BY_THEMSELVES = ["worker_heartbeats", "audit_checkpoints", "enrollment_presence"];

async function fingerprint(db: pg.Client): Promise<string> {
  const { rows: tables } = await db.query<{ name: string }>(
    "SELECT quote_ident(table_name) AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> ALL($1) ORDER BY 1",
    [WRITTEN_BY_THEMSELVES],
  );
  const perTable = tables.map(
    ({ name }) =>
      `SELECT '${name}' AS name, count(*)::text || ':' || md5(coalesce(string_agg(ctid::text || xmin::text, ',' ORDER BY ctid), '')) AS digest FROM ${name}`,
  );
  perTable.push("SELECT 'jobs' AS name, count(*)::text AS digest FROM graphile_worker._private_jobs");
  // UNION ALL promises no order (a parallel append interleaves): sort, so equal states compare equal.
  const { rows } = await db.query<{ name: string; digest: string }>(`${perTable.join(" UNION ALL ")} ORDER BY name`);
  return rows.map((row) => `${row.name}:${row.digest}`).join("\n");
}

/**
 * Waits until nothing moves in the background (pushes of earlier specs, AML webhooks), so a
 * changed fingerprint can only come from the call under test.
 */
async function quiesce(db: pg.Client): Promise<void> {
  const deadline = Date.now() + 60_000;
  let previous = "";
  while (Date.now() < deadline) {
    const busy = await db.query<{ n: string }>(
      // a breach the worker has yet to mark (lib/sla/mark-breaches.ts) would change rows under a call
      "SELECT ((SELECT count(*) FROM enrollments WHERE status = 'pushing') + (SELECT count(*) FROM graphile_worker._private_jobs WHERE attempts < max_attempts) + (SELECT count(*) FROM enrollments WHERE due_at < now() AND sla_stopped_at IS NULL AND sla_breached_at IS NULL))::text AS n",
    );
    const current = await fingerprint(db);
    if (busy.rows[0]!.n === "0" && current === previous) return;
    previous = current;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
  }
  throw new Error("the database never came to rest");
}

/** 'app/(console)/enrollments/[id]/page' → '/enrollments/<id>' */
function pagePath(worker: string, samples: TSamples): string {
  const route = worker
    .replace(/^app/, "")
    .replace(/\/page$/, "")
    .split("/")
    .filter((segment) => !/^\(.*\)$/.test(segment))
    .join("/")
    .replace("[id]", samples.enrollmentId);
  return route === "" ? "/" : route;
}

test("[SECURITY] every server action and API route refuses the roles it must, changing nothing", async ({ baseURL }) => {
  test.setTimeout(120_000);
  const manifest = JSON.parse(fs.readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; exportedName?: string; filename?: string }>;
  };
  const appPaths = JSON.parse(fs.readFileSync(path.join(".next", "server", "app-paths-manifest.json"), "utf8")) as Record<string, string>;

  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  const contexts = Object.fromEntries(await Promise.all(CALLERS.map(async (c) => [c, await contextFor(c, baseURL!)] as const))) as Record<TCaller, APIRequestContext>;
  const intake = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${INTAKE_KEY}` } });

  try {
    await quiesce(db);
    const sample = await db.query<{ id: string; version: number }>("SELECT id, version FROM enrollments WHERE status = 'ready' OR (status = 'received' AND issue_count = 0) ORDER BY received_at LIMIT 1");
    const samples: TSamples = {
      enrollmentId: sample.rows[0]!.id,
      version: sample.rows[0]!.version,
      productRequestId: "00000000-0000-7000-8000-000000000000",
      // a real user, so that a wrongly allowed change to a user would show in the fingerprint
      userId: (await db.query<{ id: string }>("SELECT id FROM users WHERE username = 'admin'")).rows[0]!.id,
    };

    let tried = 0;
    const wronglyAllowed: string[] = [];
    const tally = { fiveXX: 0, rowsChanged: 0 };
    const count = (status: number, before: string, after: string) => {
      if (status >= 500) tally.fiveXX += 1;
      if (after !== before) tally.rowsChanged += 1;
    };

    // ---- server actions ----
    const actions = Object.entries(manifest.node);
    expect(actions.length).toBeGreaterThan(0);
    for (const [id, entry] of actions) {
      const name = entry.exportedName ?? "(unnamed)";
      const expectation = ACTIONS[name];
      expect(expectation, `server action ${name} (${entry.filename}) has no line in the role matrix`).toBeDefined();
      const worker = Object.keys(entry.workers)[0]!;
      for (const caller of CALLERS) {
        if (expectation!.allowed.includes(caller)) continue;
        const before = await fingerprint(db);
        const response = await contexts[caller].post(pagePath(worker, samples), {
          headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
          data: JSON.stringify([expectation!.input(samples)]),
          maxRedirects: 0,
        });
        tried += 1;
        const text = await response.text();
        const refused = response.status() >= 300 || REFUSAL.test(text);
        const after = await fingerprint(db);
        count(response.status(), before, after);
        if (!refused || after !== before) wronglyAllowed.push(`${caller} → action ${name}: HTTP ${response.status()}${after !== before ? `, rows changed in ${changedTables(before, after)}` : ""}`);
      }
    }

    // The harness itself must be able to see an allowed call go through, and its fingerprint
    // must see the row that call writes (an update of the same value is still a new row version).
    const beforeAllowed = await fingerprint(db);
    const allowedCall = await contexts.officer.post(pagePath(Object.keys(actions.find(([, e]) => e.exportedName === "updateLocale")![1].workers)[0]!, samples), {
      headers: { "Next-Action": actions.find(([, e]) => e.exportedName === "updateLocale")![0], "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
      data: JSON.stringify([{ locale: "en" }]),
    });
    expect(allowedCall.status()).toBe(200);
    expect(await allowedCall.text()).not.toMatch(REFUSAL);
    expect(await fingerprint(db)).not.toBe(beforeAllowed);

    // ---- API routes ----
    const routes = Object.keys(appPaths).filter((key) => key.endsWith("/route"));
    for (const route of routes) {
      const expectations = ROUTES[route];
      expect(expectations, `API route ${route} has no line in the role matrix`).toBeDefined();
      if (expectations === "skip") continue;
      for (const e of expectations!) {
        if (e.allowed.includes("public")) continue;
        for (const caller of [...CALLERS, "intake-key"] as const) {
          if (e.allowed.includes(caller)) continue;
          const context = caller === "intake-key" ? intake : contexts[caller];
          const before = await fingerprint(db);
          const response = await context.fetch(e.path(samples), { method: e.method, data: e.method === "POST" ? "{}" : undefined, maxRedirects: 0 });
          tried += 1;
          const after = await fingerprint(db);
          count(response.status(), before, after);
          if (![401, 403].includes(response.status()) || after !== before) wronglyAllowed.push(`${caller} → ${e.method} ${route}: HTTP ${response.status()}${after !== before ? `, rows changed in ${changedTables(before, after)}` : ""}`);
        }
      }
    }

    console.log(`role matrix: ${tried} disallowed calls tried, ${wronglyAllowed.length} allowed wrongly, ${tally.fiveXX} 5XX, ${tally.rowsChanged} calls that changed rows`);
    expect(wronglyAllowed).toEqual([]);
    expect(tally).toEqual({ fiveXX: 0, rowsChanged: 0 });
    expect(tried).toBeGreaterThan(10);
  } finally {
    await db.end();
    await Promise.all([...Object.values(contexts), intake].map((c) => c.dispose()));
  }
});

const NOT_FOUND = "This enrollment does not exist.";

test("[SECURITY] an officer of branch 01 gets 404 for an enrollment of branch 02 by every page, route and action, changing no row", async ({ baseURL }) => {
  test.setTimeout(120_000);
  const manifest = JSON.parse(fs.readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; exportedName?: string }>;
  };
  const appPaths = JSON.parse(fs.readFileSync(path.join(".next", "server", "app-paths-manifest.json"), "utf8")) as Record<string, string>;
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  // an officer of branch 01 only (the demo officers work several), a lead so that every desk action is theirs to call
  const officer01 = { username: `matrix-branch-01-${Date.now()}`, password: "matrix-branch-2026" };
  await db.query(
    `INSERT INTO users (id, username, display_name, role, password_hash, branches, desk_lead, updated_at)
     VALUES (gen_random_uuid(), $1, 'Matrix Branch 01', 'officer', $2, ARRAY['01'], true, now())`,
    [officer01.username, await hash(officer01.password)],
  );
  const context = await contextFor(officer01, baseURL!);
  try {
    await quiesce(db);
    const sample = (await db.query<{ id: string; version: number }>("SELECT id, version FROM enrollments WHERE branch_code = '02' ORDER BY received_at LIMIT 1")).rows[0]!;
    const samples: TSamples = {
      enrollmentId: sample.id,
      version: sample.version,
      productRequestId: "00000000-0000-7000-8000-000000000000",
      userId: (await db.query<{ id: string }>("SELECT id FROM users WHERE username = $1", [officer01.username])).rows[0]!.id,
    };
    const failures: string[] = [];
    const check = async (what: string, call: () => Promise<{ status: number; text: string }>, refused: (r: { status: number; text: string }) => boolean) => {
      const before = await fingerprint(db);
      const result = await call();
      const after = await fingerprint(db);
      if (!refused(result) || after !== before) failures.push(`${what}: HTTP ${result.status}${after !== before ? `, rows changed in ${changedTables(before, after)}` : ""}`);
    };

    // every page of one enrollment
    const pages = Object.keys(appPaths).filter((key) => key.endsWith("/page") && key.includes("[id]") && key.includes("enrollments"));
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      await check(`page ${page}`, async () => {
        const response = await context.get(pagePath(page, samples), { maxRedirects: 0 });
        return { status: response.status(), text: await response.text() };
      }, (r) => r.status === 404);
    }
    // every route of one enrollment
    const routes = Object.entries(ROUTES).flatMap(([route, e]) => (e === "skip" ? [] : e.filter((x) => x.path(samples).includes(samples.enrollmentId) && x.allowed.includes("officer")).map((x) => [route, x] as const)));
    expect(routes.length).toBeGreaterThanOrEqual(4);
    for (const [route, e] of routes) {
      await check(`${e.method} ${route}`, async () => {
        const response = await context.fetch(e.path(samples), { method: e.method, headers: { "Content-Type": "application/json" }, data: e.method === "POST" ? "{}" : undefined, maxRedirects: 0 });
        return { status: response.status(), text: await response.text() };
      }, (r) => r.status === 404);
    }
    // every action an officer may call that names an enrollment
    const actions = Object.entries(manifest.node).filter(([, entry]) => {
      const expectation = ACTIONS[entry.exportedName ?? ""];
      return expectation?.allowed.includes("officer") && JSON.stringify(expectation.input(samples)).includes(samples.enrollmentId);
    });
    expect(actions.map(([, entry]) => entry.exportedName).sort()).toEqual(
      expect.arrayContaining(["addNote", "assignEnrollmentsAction", "claimEnrollmentsAction", "pushEnrollment", "releaseEnrollmentsAction", "resolveProductRequest", "saveSection"]),
    );
    for (const [id, entry] of actions) {
      await check(`action ${entry.exportedName}`, async () => {
        const response = await context.post(pagePath(Object.keys(entry.workers)[0]!, samples), {
          headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
          data: JSON.stringify([ACTIONS[entry.exportedName!]!.input(samples)]),
          maxRedirects: 0,
        });
        return { status: response.status(), text: await response.text() };
      }, (r) => r.text.includes(NOT_FOUND));
    }
    console.log(`branch scope: ${pages.length} pages, ${routes.length} routes, ${actions.length} actions tried, ${failures.length} reached the other branch`);
    expect(failures).toEqual([]);
  } finally {
    await context.dispose();
    await db.query("UPDATE users SET disabled = true WHERE username = $1", [officer01.username]);
    await db.end();
  }
});

/** Every value under a `document_number` key, however deep. */
function documentNumbers(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const child of value) documentNumbers(child, found);
  else if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      if (key === "document_number" && typeof child === "string") found.push(child);
      else documentNumbers(child, found);
    }
  }
  return found;
}

test("[SECURITY] compliance reads no full document number on the enrollment page or in the pipeline until the audited reveal; an officer's view is audited", async ({ baseURL }) => {
  test.setTimeout(90_000);
  const fixture = JSON.parse(fs.readFileSync(path.join("fixtures", "enrollments", "seed-example-1.json"), "utf8")) as { client_info: { wisenroll_code: string } };
  const numbers = documentNumbers(fixture);
  expect(numbers.length).toBeGreaterThan(3);
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  const [compliance, officer] = await Promise.all([contextFor("compliance", baseURL!), contextFor("officer", baseURL!)]);
  const callKey = `mask-${Date.now()}`;
  try {
    const { id } = (await db.query<{ id: string }>("SELECT id FROM enrollments WHERE wisenroll_code = $1", [fixture.client_info.wisenroll_code])).rows[0]!;
    // A recorded core_customer attempt whose bytes carry every number, and an answer that echoes one
    // (a body stored before sealing is read as it is: the pipeline must mask it all the same).
    await db.query(
      `INSERT INTO outbound_calls (id, enrollment_id, step, call_key, attempt, url, request_body, http_status, response_body, outcome, started_at, finished_at)
       VALUES (gen_random_uuid(), $1, 'core_customer', $2, 1, 'http://core/core_customer', $3, 400, $4, 'rejected', now(), now())`,
      [id, callKey, JSON.stringify(fixture), JSON.stringify({ message: `document ${numbers[0]} is already registered` })],
    );
    const leaks = (text: string) => numbers.filter((number) => text.includes(number));

    const page = await compliance.get(`/enrollments/${id}`);
    expect(page.status()).toBe(200);
    expect(leaks(await page.text()), "numbers in the page compliance reads").toEqual([]);
    const pipeline = await compliance.get(`/api/enrollments/${id}/pipeline`);
    expect(pipeline.status()).toBe(200);
    const pipelineText = await pipeline.text();
    expect(pipelineText).toContain("core_customer");
    expect(leaks(pipelineText), "numbers in the pipeline compliance reads").toEqual([]);

    const since = new Date();
    const officerPage = await officer.get(`/enrollments/${id}`);
    expect(officerPage.status()).toBe(200);
    expect(leaks(await officerPage.text()).length, "the officer's forms carry the numbers").toBeGreaterThan(0);
    const opened = await db.query("SELECT 1 FROM audit_events a JOIN users u ON u.id = a.actor_id WHERE a.action = 'enrollment.edit_view_opened' AND a.target_id = $1 AND u.username = 'officer' AND a.at >= $2::timestamptz - interval '10 minutes'", [id, since]);
    expect(opened.rowCount, "opening the edit view is audited").toBeGreaterThan(0);
  } finally {
    await db.query("DELETE FROM outbound_calls WHERE call_key = $1", [callKey]);
    await db.end();
    await Promise.all([compliance, officer].map((c) => c.dispose()));
  }
});
