// Refreshes the README's screenshots from a running demo console:
//   INTAKE_API_KEYS=dev-key-0123456789 npm run console      (in one terminal)
//   npx tsx scripts/screenshots.ts                            (in another)
// BASE_URL (default http://127.0.0.1:3000) and INTAKE_KEY (default dev-key-0123456789) point
// elsewhere. It posts one enrollment whose last name the sandbox AMLYZE flags (a sanctions hit),
// pushes it as the officer, and photographs the queue, the review, the pipeline, the compliance
// workspace, the desk dashboard, the queue on a phone in the dark theme and the admin's integrations.
import fs from "node:fs";
import { chromium, type Page } from "@playwright/test";

const BASE_URL = process.env.BASE_URL ?? "http://127.0.0.1:3000";
const INTAKE_KEY = process.env.INTAKE_KEY ?? "dev-key-0123456789";
const DIR = "docs/screenshots";

async function signIn(page: Page, username: string, password: string) {
  await page.goto(`${BASE_URL}/login`);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/** Seed example 1 under a fresh wisenroll code and main document, with a last name AMLYZE flags. */
async function postFlaggedEnrollment(): Promise<string> {
  const body = JSON.parse(fs.readFileSync("fixtures/enrollments/seed-example-1.json", "utf8"));
  const stamp = Date.now().toString(36).toUpperCase().slice(-6);
  body.client_info.wisenroll_code = `S${stamp.slice(-5)}`;
  body.client_info.last_name = "SANCTIONED";
  body.client_documents.find((doc: { main: number }) => doc.main === 1).document_number = String(Date.now()).slice(-9);
  body.requested_products = [{ product_code: "AH01" }];
  const response = await fetch(`${BASE_URL}/api/v1/enrollments`, {
    method: "POST",
    headers: { Authorization: `Bearer ${INTAKE_KEY}`, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`intake answered ${response.status}: start the console with INTAKE_API_KEYS=${INTAKE_KEY}`);
  const created = (await response.json()) as { id: string; issues: number };
  if (created.issues > 0) throw new Error(`the demo enrollment has ${created.issues} issue(s)`);
  return created.id;
}

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/login`);
  await page.screenshot({ path: `${DIR}/login.png` });

  const id = await postFlaggedEnrollment();
  await signIn(page, "officer", "officer-demo-2026");
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `${DIR}/queue.png` });
  await page.getByTestId("queue-row").nth(2).getByRole("link").click();
  await page.waitForURL(/\/enrollments\//);
  await page.getByRole("heading", { name: "Personal information" }).waitFor();
  await page.screenshot({ path: `${DIR}/enrollment.png` });

  // The officer pushes the flagged enrollment; the pipeline shows the customer and the account.
  await page.goto(`${BASE_URL}/enrollments/${id}`);
  await page.waitForLoadState("networkidle");
  const blocked = page.getByTestId("push-blocked");
  if (await blocked.isVisible()) throw new Error(`the push is blocked: ${await blocked.innerText()}`);
  await page.locator("section#push").getByRole("button", { name: "Push to core" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Push this enrollment to the core?" });
  await dialog.getByRole("button", { name: "Push to core" }).click();
  await page.getByTestId("pipeline").and(page.locator('[data-status="pushed"]')).waitFor({ timeout: 60_000 });
  await page.locator("section#pipeline").scrollIntoViewIfNeeded();
  await page.locator("section#pipeline").screenshot({ path: `${DIR}/pipeline.png` });

  // The lead's desk dashboard, and the queue on a phone in the dark theme.
  await page.goto(`${BASE_URL}/desk`);
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `${DIR}/desk-dashboard.png`, fullPage: true });
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: "dark" });
  await phone.addCookies(await context.cookies());
  const phonePage = await phone.newPage();
  await phonePage.goto(`${BASE_URL}/queue`);
  await phonePage.waitForLoadState("networkidle");
  await phonePage.screenshot({ path: `${DIR}/queue-phone-dark.png` });
  await phone.close();

  // Compliance: the AML queue (the hit first) and the customer's view with its timeline.
  await context.clearCookies();
  await signIn(page, "compliance", "compliance-demo-2026");
  await page.goto(`${BASE_URL}/aml`);
  await page.getByText("SANCTIONED").first().waitFor({ timeout: 60_000 });
  await page.getByText("SANCTIONED").first().click();
  await page.waitForURL(/\/aml\/customers\//);
  // AMLYZE's screening arrives a moment after the submission: wait for the hit to be shown.
  const sanctions = page.locator('[data-list="sanctions"]');
  for (let i = 0; i < 30 && !(await sanctions.innerText()).includes("Hit"); i += 1) {
    await page.waitForTimeout(2_000);
    await page.reload();
  }
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `${DIR}/aml-customer.png` });
  await page.goto(`${BASE_URL}/aml`);
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `${DIR}/aml-queue.png` });

  // Admin: the integrations, with values from the environment shown as such.
  await context.clearCookies();
  await signIn(page, "admin", "admin-demo-2026");
  await page.goto(`${BASE_URL}/admin/integrations`);
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `${DIR}/admin-integrations.png` });
  await browser.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
