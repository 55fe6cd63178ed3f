import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { INTAKE_KEY } from "../../playwright.config";
import { signInAs } from "../fixtures";

test("[LAYOUT] the two-factor code's label sits above its field, not beside it", async ({ page }) => {
  await signInAs(page, "officer3");
  await page.goto("/account/totp");
  await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
  const code = page.getByLabel("Code from the app");
  await expect(code).toBeVisible();
  const label = (await page.locator('label[for="totp-code"]').boundingBox())!;
  const field = (await code.boundingBox())!;
  expect(field.y, "the field starts under its label").toBeGreaterThanOrEqual(label.y + label.height);
  expect(Math.abs(field.x - label.x), "aligned on the left").toBeLessThan(2);
});

test("[LAYOUT] a branch reads the same in the queue's filter and in its rows, and a long name does not widen the filter", async ({ page }) => {
  // a branch of its own, with the longest name the field table allows
  const code = `Z${String(Date.now()).slice(-5)}`;
  const name = `Sucursal Avenida Libertador ${code}`.padEnd(35, "x").slice(0, 35);
  const body = JSON.parse(fs.readFileSync("fixtures/enrollments/seed-example-1.json", "utf8"));
  body.client_info.wisenroll_code = code;
  body.client_entity_branch = { branch_code: code, branch_name: name };
  const created = await page.request.post("/api/v1/enrollments", { headers: { Authorization: `Bearer ${INTAKE_KEY}` }, data: body });
  expect(created.status()).toBe(201);

  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, "compliance");
  await page.goto(`/queue?branch=${code}`);
  const row = page.getByTestId("queue-row").filter({ hasText: code });
  await expect(row).toHaveCount(1);
  // the row and the filter's option both say "code · name"
  await expect(row).toContainText(`${code} · ${name}`);
  await expect(page.locator(`#branch option[value="${code}"]`)).toHaveText(`${code} · ${name}`);

  // the branch select is as wide as its neighbour, the status select (one column each)
  const [branch, status] = [(await page.locator("#branch").boundingBox())!, (await page.locator("#status").boundingBox())!];
  expect(Math.abs(branch.width - status.width)).toBeLessThan(2);
});
