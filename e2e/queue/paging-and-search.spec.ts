import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { INTAKE_KEY } from "../../playwright.config";
import { signInAs } from "../fixtures";

test("[COMPLIANCE] pages forward and back with the position and count, and a filter applies as it is chosen", async ({ page }) => {
  await signInAs(page, "compliance");
  await page.goto("/queue");
  const rows = page.getByTestId("queue-row");
  const position = page.getByTestId("queue-position");
  // the demo holds 300+ enrollments (more than one page); earlier tests may have added past the count's limit
  await expect(position).toHaveText(/^Page 1 · 1–50 of (more than )?[\d,]+$/);
  await expect(page.getByRole("button", { name: "Previous page" })).toHaveCount(0);
  const firstPage = await rows.locator("a").allTextContents();

  await page.getByRole("button", { name: "Next page" }).click();
  await expect(position).toHaveText(/^Page 2 · 51–100 of (more than )?[\d,]+$/);
  await page.getByRole("button", { name: "Next page" }).click();
  await expect(position).toHaveText(/^Page 3 · 101–150 of (more than )?[\d,]+$/);
  await page.getByRole("button", { name: "Previous page" }).click();
  await expect(position).toHaveText(/^Page 2 · 51–100 of (more than )?[\d,]+$/);
  await page.getByRole("button", { name: "Previous page" }).click();
  await expect(position).toHaveText(/^Page 1 · 1–50 of (more than )?[\d,]+$/);
  expect(await rows.locator("a").allTextContents()).toEqual(firstPage);

  // no Apply: choosing a status is the filter, and it starts again from the first page
  await page.getByRole("button", { name: "Next page" }).click();
  await expect(position).toHaveText(/^Page 2 /);
  await page.getByLabel("Status").selectOption({ label: "Received" });
  await expect(page).toHaveURL(/[?&]status=received/);
  await expect(page).not.toHaveURL(/cursor=/);
  await expect(position).toHaveText(/^Page 1 · /);
  await expect(rows.first()).toBeVisible();
  await expect(rows.filter({ hasNotText: "Received" })).toHaveCount(0);
});

test("[OFFICER] finds an enrollment by the last four characters the queue shows, and by the start of its wisenroll code", async ({ page }) => {
  const body = JSON.parse(fs.readFileSync("fixtures/enrollments/seed-example-2.json", "utf8"));
  const code = `P${Math.random().toString(36).slice(2, 7).toUpperCase()}`;
  body.client_info.wisenroll_code = code;
  const lastFour = String(Date.now()).slice(-4);
  body.client_documents.find((d: { main: number }) => d.main === 1).document_number = `LF-99${lastFour}`;
  const response = await page.request.post("/api/v1/enrollments", { headers: { Authorization: `Bearer ${INTAKE_KEY}` }, data: body });
  expect(response.status()).toBe(201);
  await signInAs(page, "officer");
  await page.goto("/queue");
  const rows = page.getByTestId("queue-row");
  const search = async (text: string) => {
    await page.getByLabel("Search").fill(text);
    await page.getByLabel("Search").press("Enter");
    await expect(page).toHaveURL(/[?&]qt=/);
  };
  await search(`••••${lastFour}`);
  await expect(rows.filter({ hasText: code })).toHaveCount(1);
  await expect(rows.filter({ hasText: code })).toContainText(`••••${lastFour}`);
  await search(lastFour);
  await expect(rows.filter({ hasText: code })).toHaveCount(1);
  await search(code.slice(0, 4).toLowerCase());
  await expect(rows.filter({ hasText: code })).toHaveCount(1);
});
