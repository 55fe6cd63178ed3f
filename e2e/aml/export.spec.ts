import { expect, test } from "@playwright/test";
import { signInAs } from "../fixtures";
import { pushedToAml, query, searchAml } from "./aml-fixtures";

test("[COMPLIANCE] exports CSV", async ({ page }) => {
  test.setTimeout(60_000);
  // A name a spreadsheet would run as a formula: the export must neutralise it.
  const customer = await pushedToAml(page, { firstName: `=CMD${Date.now() % 100_000}`, lastName: "ADVERSO" });
  await signInAs(page, "compliance");
  await expect(async () => {
    await searchAml(page, customer.firstName);
    await expect(page.getByTestId("aml-row").locator("[data-aml-state]")).toHaveAttribute("data-aml-state", "hit", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^aml-queue-\d{8}-\d{4}\.csv$/);
  const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
  const lines = text.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
  expect(lines[0]).toMatch(/^customer_ext_id,full_name,wisenroll_code,main_document_type,main_document_number_masked,/);
  expect(lines).toHaveLength(2);
  const [enrollment] = await query<{ customer_number: string }>("SELECT customer_number::text FROM enrollments WHERE id = $1", [customer.enrollmentId]);
  const number = enrollment?.customer_number;
  expect(number).toBeTruthy();
  expect(lines[1]).toContain(`${number},'${customer.firstName} ADVERSO,`);
  expect(lines[1]).toContain(",hit,accepted,");
  expect(lines[1]).toContain(",false,false,true,false,MEDIUM,");
  expect(text).not.toContain(customer.documentNumber);
  expect(lines[1]).toContain(customer.documentNumber.slice(-4));

  const audits = await query<{ details: { search: boolean } }>(
    "SELECT details FROM audit_events WHERE action = 'aml.queue_exported' AND actor_label = 'compliance' ORDER BY id DESC LIMIT 1",
    [],
  );
  expect(audits[0]?.details.search).toBe(true);
});

test("[OFFICER] cannot open the compliance export", async ({ page }) => {
  await signInAs(page, "officer");
  const exported = await page.request.get("/api/aml/export");
  expect(exported.status()).toBe(403);
  expect(await exported.text()).not.toContain("customer_ext_id");
  const queue = await page.goto("/aml");
  expect(queue?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "AML" })).toHaveCount(0);
});
