// Each section of the console hands the browser only the message namespaces its client
// components read (components/layout/client-messages.tsx). A namespace left out shows as a raw
// key and a MISSING_MESSAGE error once the page hydrates: this walks every page as the role that
// uses it, after hydration, and fails on either.
import { expect, test, type Page } from "@playwright/test";
import type pg from "pg";
import { withDb } from "../admin/helpers";
import { signInAs, type TDemoRole } from "../fixtures";

const sample = <T extends pg.QueryResultRow>(sql: string) => withDb(async (db) => (await db.query<T>(sql)).rows[0]!);

async function visitAll(page: Page, role: TDemoRole, paths: string[]) {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (/MISSING_MESSAGE|INSUFFICIENT_PATH/.test(message.text())) problems.push(`${page.url()}: ${message.text().slice(0, 200)}`);
  });
  await signInAs(page, role);
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await page.waitForLoadState("networkidle");
    // next-intl renders a missing message as its key path, e.g. "sectionForm.save" (the audit
    // log shows action names of that shape on purpose, and an AML timeline AMLYZE's event types,
    // "app.amlyze.customer.…", which are data, not keys).
    if (path === "/admin/audit") continue;
    const text = await page.locator("body").innerText();
    const rawKeys = text.match(/\b(app(?!\.amlyze\.)|status|login|queue|enrollment|sectionForm|push|pipeline|reconcile|reasons|admin|account|aml|desk)\.[a-z][A-Za-z.]+\b/g) ?? [];
    if (rawKeys.length > 0) problems.push(`${path}: raw keys ${[...new Set(rawKeys)].join(", ")}`);
  }
  expect(problems).toEqual([]);
}

test("[OFFICER] every page finds the messages its client components read", async ({ page }) => {
  test.setTimeout(90_000);
  // enrollments of the officer's branches: another branch's is not found
  const theirs = "branch_code = ANY((SELECT branches FROM users WHERE username = 'officer')::text[])";
  const { id } = await sample<{ id: string }>(`SELECT id FROM enrollments WHERE status IN ('received', 'in_review', 'ready') AND ${theirs} ORDER BY received_at LIMIT 1`);
  const { pushed } = await sample<{ pushed: string | null }>(`SELECT (SELECT id::text FROM enrollments WHERE status = 'pushed' AND ${theirs} LIMIT 1) AS pushed`);
  // A push error is a reason the browser renders ("reasons" messages), when an earlier spec left one.
  const { stopped } = await sample<{ stopped: string | null }>(`SELECT (SELECT id::text FROM enrollments WHERE push_error IS NOT NULL AND ${theirs} LIMIT 1) AS stopped`);
  const pages = [`/enrollments/${id}`, ...(pushed ? [`/enrollments/${pushed}`] : []), ...(stopped ? [`/enrollments/${stopped}`] : [])];
  // Olga leads her branches: the desk dashboard is hers too
  await visitAll(page, "officer", ["/queue", ...pages, "/desk", "/account/password", "/account/totp"]);
});

test("[COMPLIANCE] every page finds the messages its client components read", async ({ page }) => {
  test.setTimeout(90_000);
  const { customer } = await sample<{ customer: string | null }>("SELECT (SELECT customer_ext_id FROM aml_customers LIMIT 1) AS customer");
  const customerPages = customer ? [`/aml/customers/${customer}`, `/aml/customers/${customer}/print`] : [];
  // The read-only enrollment page, with its reveal button (its own "aml" messages).
  const { id } = await sample<{ id: string }>("SELECT id FROM enrollments ORDER BY received_at LIMIT 1");
  await visitAll(page, "compliance", ["/queue", "/aml", "/aml/dashboard", `/enrollments/${id}`, ...customerPages]);
});

test("[ADMIN] every page finds the messages its client components read", async ({ page }) => {
  test.setTimeout(90_000);
  const { id } = await sample<{ id: string }>("SELECT id FROM users WHERE username = 'officer'");
  await visitAll(page, "admin", ["/admin/users", "/admin/users/new", `/admin/users/${id}`, "/admin/products", "/admin/products/AH01", "/admin/integrations", "/admin/keys", "/admin/audit", "/admin/settings", "/desk"]);
});
