import { test } from "@playwright/test";
import { signInAs } from "../fixtures";
import { expectNoSeriousAxeViolations } from "../push/helpers";
import { withDb } from "./helpers";

test("[ADMIN] the admin and account pages pass axe-core without serious or critical violations", async ({ page }) => {
  test.setTimeout(120_000);
  const officerId = await withDb(async (db) => (await db.query<{ id: string }>("SELECT id FROM users WHERE username = 'officer'")).rows[0]!.id);
  await signInAs(page, "admin");
  for (const path of ["/admin/users", "/admin/users/new", `/admin/users/${officerId}`, "/admin/products", "/admin/products/AH01", "/admin/integrations", "/admin/keys", "/admin/audit", "/admin/settings", "/account/password", "/account/totp"]) {
    await page.goto(path);
    await expectNoSeriousAxeViolations(page);
  }
});
