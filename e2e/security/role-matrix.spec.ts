// The role matrix, against the production build: every server action in the build's server
// reference manifest and every API route in its app-paths manifest is called as anonymous,
// officer, compliance and admin. Every call a role may not make must be refused and change no
// row; an action or route missing from the expectations below fails the test, so a new one
// cannot ship without its line here.
import fs from "node:fs";
import path from "node:path";
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
    input: (s) => ({ enrollmentId: s.enrollmentId, version: s.version, section: "client_entity_branch", value: { branch_code: "X", branch_name: "Matrix" } }),
  },
  pushEnrollment: { allowed: ["officer"], input: (s) => ({ enrollmentId: s.enrollmentId, version: s.version, products: [] }) },
  resolveProductRequest: { allowed: ["officer"], input: (s) => ({ productRequestId: s.productRequestId, resolution: "not_created" }) },
  revealDocuments: { allowed: ["compliance"], input: (s) => ({ enrollmentId: s.enrollmentId }) },
  // Administration (products, integrations, users, keys, two-factor policy)
  setSwitchAction: { allowed: ["admin"], input: () => ({ name: "requireTotp", on: true }) },
  createProductCodeAction: { allowed: ["admin"], input: () => ({ code: "MX01", name: "Matrix", description: "", active: true }) },
  updateProductCodeAction: { allowed: ["admin"], input: () => ({ code: "AH01", name: "Matrix", description: "", active: false }) },
  deleteProductCodeAction: { allowed: ["admin"], input: () => ({ code: "AH01" }) },
  saveIntegrationSettingsAction: { allowed: ["admin"], input: () => ({ integration: "core", values: { username: "matrix" }, clear: ["password"] }) },
  testIntegrationAction: { allowed: ["admin"], input: () => ({ integration: "core" }) },
  createUserAction: { allowed: ["admin"], input: () => ({ username: "matrix-user", displayName: "Matrix", role: "admin", temporaryPassword: "" }) },
  changeUserRoleAction: { allowed: ["admin"], input: (s) => ({ userId: s.userId, role: "admin" }) },
  setUserDisabledAction: { allowed: ["admin"], input: (s) => ({ userId: s.userId, disabled: true }) },
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
};

type TRouteExpectation = { method: "GET" | "POST"; allowed: readonly (TCaller | "intake-key" | "public")[]; path: (s: TSamples) => string };

/** app-paths-manifest route → expectations. next-auth's own routes are public by design. */
const ROUTES: Record<string, TRouteExpectation[] | "skip"> = {
  "/api/auth/[...nextauth]/route": "skip",
  "/api/queue/route": [{ method: "GET", allowed: ["officer", "compliance"], path: () => "/api/queue" }],
  "/api/enrollments/[id]/pipeline/route": [{ method: "GET", allowed: ["officer", "compliance"], path: (s) => `/api/enrollments/${s.enrollmentId}/pipeline` }],
  // The push form's related-client picker: only roles that may push get search results.
  "/api/enrollments/[id]/related-candidates/route": [{ method: "POST", allowed: ["officer"], path: (s) => `/api/enrollments/${s.enrollmentId}/related-candidates` }],
  "/api/v1/enrollments/route": [{ method: "POST", allowed: ["intake-key"], path: () => "/api/v1/enrollments" }],
  "/api/v1/enrollments/[id]/route": [{ method: "GET", allowed: ["intake-key"], path: (s) => `/api/v1/enrollments/${s.enrollmentId}` }],
  "/api/v1/openapi.json/route": [{ method: "GET", allowed: ["public"], path: () => "/api/v1/openapi.json" }],
  "/api/aml/export/route": [{ method: "GET", allowed: ["compliance"], path: () => "/api/aml/export" }],
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

async function contextFor(caller: TCaller, baseURL: string): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL });
  if (caller === "anonymous") return context;
  const { username, password } = DEMO[caller as TDemoRole];
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
async function fingerprint(db: pg.Client): Promise<string> {
  const { rows: tables } = await db.query<{ name: string }>(
    "SELECT quote_ident(table_name) AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
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
      "SELECT ((SELECT count(*) FROM enrollments WHERE status = 'pushing') + (SELECT count(*) FROM graphile_worker._private_jobs WHERE attempts < max_attempts))::text AS n",
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
          if (![401, 403].includes(response.status()) || after !== before) wronglyAllowed.push(`${caller} → ${e.method} ${route}: HTTP ${response.status()}${after !== before ? `, rows changed in ${changedTables(before, after)}` : ""}`);
        }
      }
    }

    console.log(`role matrix: ${tried} disallowed calls tried, ${wronglyAllowed.length} allowed wrongly`);
    expect(wronglyAllowed).toEqual([]);
    expect(tried).toBeGreaterThan(10);
  } finally {
    await db.end();
    await Promise.all([...Object.values(contexts), intake].map((c) => c.dispose()));
  }
});
