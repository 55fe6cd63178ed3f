import { expect, test } from "@playwright/test";
import pg from "pg";
import { signInAs } from "../fixtures";

// Nora's views only: removed after the test, so no other spec opens a queue on them.
test.afterAll(async () => {
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    await db.query("DELETE FROM queue_views WHERE user_id = (SELECT id FROM users WHERE username = 'officer3')");
  } finally {
    await db.end();
  }
});

test("[OFFICER] saves a named view, opens the queue on it by default, and deletes it", async ({ page }) => {
  await signInAs(page, "officer3");
  await page.goto("/queue");
  await page.getByLabel("Status").selectOption({ label: "Received" });
  await expect(page).toHaveURL(/[?&]status=received/);

  await page.getByRole("button", { name: "Save view…" }).click();
  // a view needs a name, and the error says which field
  await page.getByRole("button", { name: "Save view", exact: true }).click();
  await expect(page.getByText("View name: enter a name.")).toBeVisible();
  await page.getByLabel("View name").fill("Just received");
  await page.getByLabel("Open the queue on this view").check();
  await page.getByRole("button", { name: "Save view", exact: true }).click();
  await expect(page.getByLabel("View", { exact: true })).toHaveValue(/[0-9a-f-]{36}/);
  await expect(page.getByLabel("View", { exact: true }).locator("option:checked")).toHaveText("Just received (default)");

  // the queue opens on it when no filter is chosen
  await page.goto("/queue");
  await expect(page.getByLabel("Status")).toHaveValue("received");
  await expect(page.getByLabel("View", { exact: true }).locator("option:checked")).toHaveText("Just received (default)");
  // "No saved view" is the role's own order
  await page.getByLabel("View", { exact: true }).selectOption({ label: "No saved view" });
  await expect(page).toHaveURL(/[?&]view=none/);
  await expect(page.getByLabel("Status")).toHaveValue("");

  await page.getByLabel("View", { exact: true }).selectOption({ label: "Just received (default)" });
  await page.getByRole("button", { name: "Delete view" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete view" }).click();
  await expect(page.getByText("View “Just received” deleted.")).toBeVisible();
  await page.goto("/queue");
  await expect(page.getByLabel("Status")).toHaveValue("");
  await expect(page.getByLabel("View", { exact: true }).locator("option")).toHaveText(["No saved view"]);
});
