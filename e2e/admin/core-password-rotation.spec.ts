import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "../fixtures";
import { intakeFixture } from "../push/helpers";
import { officerPushes, pageAs, setSandboxCoreCredentials, withDb } from "./helpers";

// The sandbox core's credentials as the seed stored them (scripts/seed.ts).
const ORIGINAL = { username: "console", password: "sandbox-core-secret" };
const ROTATED = `rotated-${Date.now().toString(36)}-e2e`;

test.describe.configure({ timeout: 90_000 });

const coreSection = (page: Page) => page.getByRole("region", { name: "Bank core" });

async function testConnection(page: Page): Promise<string> {
  const section = coreSection(page);
  const result = section.getByTestId("core-test-result");
  await section.getByRole("button", { name: "Test connection" }).click();
  await expect(result).not.toBeEmpty();
  const text = (await result.textContent()) ?? "";
  // the next click must not read this answer again
  await page.reload();
  return text;
}

async function storeCorePassword(page: Page, password: string) {
  await page.goto("/admin/integrations");
  const section = coreSection(page);
  await section.getByLabel("Password", { exact: true }).fill(password);
  await section.getByRole("button", { name: "Save" }).click();
  await expect(section.getByRole("status").filter({ hasText: "1 setting saved." })).toBeVisible();
}

test("[ADMIN] rotates the core password and pushes still work", async ({ page, browser }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/integrations");
  await expect(coreSection(page).getByText("A value is stored (never shown). Type a new one to replace it.")).toBeVisible();
  expect(await testConnection(page)).toContain("Reachable, credentials accepted: HTTP 400");

  try {
    // The core's side changes first: the stored password is refused now, so a push would fail.
    await setSandboxCoreCredentials(page.request, ORIGINAL.username, ROTATED);
    expect(await testConnection(page)).toContain("Credentials refused: HTTP 401.");

    // The console's side: the new password, write-only.
    await storeCorePassword(page, ROTATED);
    expect(await page.content()).not.toContain(ROTATED);
    await expect(coreSection(page).getByLabel("Password", { exact: true })).toHaveValue("");
    expect(await testConnection(page)).toContain("Reachable, credentials accepted: HTTP 400");

    // Stored sealed, never in clear; the audit log names the setting, never the value.
    const row = await withDb(async (db) => (await db.query<{ secret: string }>("SELECT secret FROM integration_settings WHERE key = 'core.password'")).rows[0]!);
    expect(row.secret).toMatch(/^v\d+:/);
    expect(row.secret).not.toContain(ROTATED);
    await page.goto("/admin/audit?action=settings.integration_changed");
    const latest = page.getByTestId("audit-row").first();
    await expect(latest).toContainText("core.password");
    expect(await page.content()).not.toContain(ROTATED);

    // The running worker picks the new password up for the next push: no restart.
    const officer = await pageAs(browser, "officer");
    const fixture = await intakeFixture(officer.request);
    await officerPushes(officer, fixture.id, "AH01");
  } finally {
    // Leave both sides as the seed made them, for the tests after this one and the next run.
    await setSandboxCoreCredentials(page.request, ORIGINAL.username, ORIGINAL.password);
    await storeCorePassword(page, ORIGINAL.password);
  }
});
