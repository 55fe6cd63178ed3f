import { expect, test } from "@playwright/test";
import { signInAs } from "../fixtures";
import { intakeFixture } from "../push/helpers";
import { offeredProductCodes, officerPushes, pageAs, randomCode, withDb } from "./helpers";

// a push waits for the worker and the sandbox core
test.describe.configure({ timeout: 60_000 });

test("[ADMIN] creates a product code and an officer can request it", async ({ page, browser }) => {
  const code = `E${randomCode(3)}`;
  await signInAs(page, "admin");
  await page.goto("/admin/products");
  const form = page.getByRole("region", { name: "New product code" });
  // typed in lower case, the code is upper case as it is typed: what is shown is what is stored
  await form.getByLabel("Code", { exact: true }).pressSequentially(code.toLowerCase());
  await expect(form.getByLabel("Code", { exact: true })).toHaveValue(code);
  await form.getByLabel("Name", { exact: true }).fill(`Cuenta e2e ${code}`);
  await form.getByRole("button", { name: "Create" }).click();
  await expect(form.getByRole("status")).toHaveText(`Product code ${code} created.`);
  await expect(page.getByTestId(`product-code-${code}`)).toContainText("Active");

  // An officer, at the same time, sees it offered and pushes it: the core opens the account.
  const officer = await pageAs(browser, "officer");
  const fixture = await intakeFixture(officer.request);
  await officerPushes(officer, fixture.id, code);
  const stored = await withDb(async (db) => (await db.query("SELECT status FROM product_requests WHERE enrollment_id = $1 AND product_code = $2", [fixture.id, code])).rows);
  expect(stored).toEqual([{ status: "opened" }]);

  // Used now: it can be deactivated, not deleted; a deactivated code is no longer offered.
  await page.goto(`/admin/products/${code}`);
  await expect(page.getByText("Requested before: it can be deactivated, not deleted.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);
  await page.getByLabel("Officers may request it").uncheck();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Product code ${code} saved.` })).toBeVisible();
  const another = await intakeFixture(officer.request);
  const offered = await offeredProductCodes(officer, another.id);
  expect(offered).toContain("AH01");
  expect(offered).not.toContain(code);

  // Every change is in the audit log.
  await page.goto(`/admin/audit?targetType=product_code&targetId=${code}`);
  await expect(page.getByTestId("audit-row").locator("td:nth-child(3)")).toHaveText(["product_code.deactivated", "product_code.created"]);
});
