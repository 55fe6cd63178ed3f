import { expect, test } from "@playwright/test";
import { signInAs } from "../fixtures";
import { withDb } from "./helpers";

test("[OFFICER] cannot reach any admin page", async ({ page }) => {
  const adminId = await withDb(async (db) => (await db.query<{ id: string }>("SELECT id FROM users WHERE username = 'admin'")).rows[0]!.id);
  await signInAs(page, "officer");
  await page.goto("/queue");
  await expect(page.getByRole("navigation", { name: "Main navigation" }).getByRole("link")).toHaveText(["Queue", "Desk dashboard"]);
  for (const path of ["/admin/users", "/admin/users/new", `/admin/users/${adminId}`, "/admin/products", "/admin/products/AH01", "/admin/integrations", "/admin/keys", "/admin/audit", "/admin/audit?action=login.", "/admin/settings"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    await expect(page.getByText("Adam Admin")).toHaveCount(0);
  }
});
