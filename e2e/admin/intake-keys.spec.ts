import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { signInAs } from "../fixtures";
import { randomCode } from "./helpers";

test("[ADMIN] creates an intake key shown once; the onboarding app uses it until it is revoked", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const name = `Onboarding e2e ${randomCode(4)}`;
  await signInAs(page, "admin");
  await page.goto("/admin/keys");
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create key" }).click();
  const shown = page.getByTestId("new-intake-key");
  await expect(shown).toHaveValue(/^ec_[A-Za-z0-9_-]{43}$/);
  const key = await shown.inputValue();
  // Copied with one click, exactly.
  await page.getByRole("button", { name: `Copy the new key ${name}` }).click();
  await expect(page.getByText("Copied.", { exact: true })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);

  const body = JSON.parse(fs.readFileSync("fixtures/enrollments/seed-example-1.json", "utf8"));
  body.client_info.wisenroll_code = randomCode(6);
  const post = () => page.request.post("/api/v1/enrollments", { headers: { Authorization: `Bearer ${key}` }, data: body });
  expect((await post()).status()).toBe(201);

  // Shown once: after a reload only its first characters remain, and it was used just now.
  await page.reload();
  expect(await page.content()).not.toContain(key);
  const row = page.getByTestId("intake-key-row").filter({ hasText: name });
  await expect(row).toContainText(`${key.slice(0, 10)}…`);
  await expect(row).not.toContainText("Never");

  await row.getByRole("button", { name: "Revoke" }).click();
  const dialog = page.getByRole("alertdialog", { name: `Revoke ${name}?` });
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await dialog.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("Revoked");
  expect((await post()).status()).toBe(401);
});
