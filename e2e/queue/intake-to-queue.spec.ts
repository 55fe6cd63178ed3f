import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { INTAKE_KEY } from "../../playwright.config";
import { signInAs } from "../fixtures";

function uniqueFixture() {
  const body = JSON.parse(fs.readFileSync("fixtures/enrollments/seed-example-2.json", "utf8"));
  const code = Math.random().toString(36).slice(2, 8).toUpperCase();
  body.client_info.wisenroll_code = code;
  body.client_info.first_name = `E2E${code}`;
  return { body, code };
}

test("[OFFICER] an enrollment posted to the intake API appears in the queue without a reload", async ({ page }) => {
  await signInAs(page, "officer");
  // newest first: the officer's default desk order puts the oldest waiting first
  await page.goto("/queue?sort=received_desc");
  await expect(page.getByTestId("queue-row").first()).toBeVisible();

  const { body, code } = uniqueFixture();
  const response = await page.request.post("/api/v1/enrollments", {
    headers: { Authorization: `Bearer ${INTAKE_KEY}` },
    data: body,
  });
  expect(response.status()).toBe(201);
  const created = (await response.json()) as { id: string; issues: number };
  expect(created.issues).toBe(0);

  // No navigation: the table's polling brings the new row in.
  const row = page.getByTestId("queue-row").filter({ hasText: code });
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(row).not.toContainText(body.client_documents.find((d: { main: number }) => d.main === 1).document_number);

  await row.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/enrollments/${created.id}`));
  await expect(page.getByRole("heading", { name: "Personal information" })).toBeVisible();
});

test("[COMPLIANCE] searches the queue by wisenroll code and the URL keeps the filter", async ({ page }) => {
  const { body, code } = uniqueFixture();
  const response = await page.request.post("/api/v1/enrollments", {
    headers: { Authorization: `Bearer ${INTAKE_KEY}` },
    data: body,
  });
  expect(response.status()).toBe(201);
  await signInAs(page, "compliance");
  await page.goto("/queue");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Search").fill(code);
  await page.getByRole("button", { name: "Apply" }).click();
  // The search travels as a token: the text itself stays out of the URL.
  await expect(page).toHaveURL(/[?&]qt=/);
  expect(page.url()).not.toContain(code);
  await expect(page.getByTestId("queue-row")).toHaveCount(1);
  await page.reload();
  await expect(page.getByTestId("queue-row")).toHaveCount(1);
  await expect(page.getByTestId("queue-row")).toContainText(code);
});

test("[OFFICER] finds an enrollment by its full document number, shown masked", async ({ page }) => {
  const { body, code } = uniqueFixture();
  // Only the blind index of this number is stored: the search must go through it.
  const number = `Q${Date.now()}`;
  body.client_documents.find((d: { main: number }) => d.main === 1).document_number = number;
  const response = await page.request.post("/api/v1/enrollments", { headers: { Authorization: `Bearer ${INTAKE_KEY}` }, data: body });
  expect(response.status()).toBe(201);
  await signInAs(page, "officer");
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  await page.goto("/queue");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Search").fill(number);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]qt=/);
  const rows = page.getByTestId("queue-row");
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(code);
  await expect(rows).toContainText(`••••${number.slice(-4)}`);
  await expect(rows).not.toContainText(number);
  // Neither the address bar nor any request's URL (the table's polling included) carries the number.
  await page.reload();
  await expect(rows).toHaveCount(1);
  await page.waitForRequest((request) => new URL(request.url()).pathname === "/api/queue", { timeout: 15_000 });
  expect(urls.filter((url) => url.includes(number))).toEqual([]);
  // A number typed into the URL by hand is not a search.
  await page.goto(`/queue?q=${number}`);
  await expect(rows).not.toHaveCount(1);
});
