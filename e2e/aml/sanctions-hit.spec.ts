import { expect, test } from "@playwright/test";
import { signInAs } from "../fixtures";
import { expectNoSeriousAxeViolations } from "../push/helpers";
import { pushedToAml, query, searchAml } from "./aml-fixtures";

test("[COMPLIANCE] sees a sanctions hit and its timeline", async ({ page }) => {
  test.setTimeout(60_000);
  const customer = await pushedToAml(page, { lastName: "SANCTIONED" });
  await signInAs(page, "compliance");

  // The sandbox delivers its nine events completed-first and each twice; the queue ends in the hit.
  const row = page.getByTestId("aml-row").filter({ hasText: customer.firstName });
  await expect(async () => {
    await searchAml(page, customer.firstName);
    await expect(row.locator("[data-aml-state]")).toHaveAttribute("data-aml-state", "hit", { timeout: 1_000 });
    await expect(row).toContainText("Rejected", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(row).toContainText("Screening hit");
  await expect(row).toContainText("Sanctions");
  await expect(row).toContainText("Extreme");
  await expect(row).not.toContainText(customer.documentNumber);
  await expectNoSeriousAxeViolations(page);

  // Hits come first by default: with the sanctions filter our customer is on the first page.
  await page.goto("/aml?hit=sanctions");
  await expect(page.getByTestId("aml-row").first().locator("[data-aml-state]")).toHaveAttribute("data-aml-state", "hit");

  await searchAml(page, customer.firstName);
  await row.getByRole("link", { name: new RegExp(customer.firstName) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`${customer.firstName} SANCTIONED`);
  const sanctions = page.getByTestId("aml-screening").locator('tr[data-list="sanctions"]');
  await expect(sanctions).toContainText("Completed");
  await expect(sanctions).toContainText("Hit");
  await expect(sanctions).toContainText("SANDBOX-SANCTIONS");
  await expect(page.getByTestId("aml-screening").locator('tr[data-list="pep"]')).toContainText("No match");
  await expect(page.getByTestId("aml-kyc")).toContainText("Extreme");
  await expect(page.getByTestId("aml-kyc")).toContainText("SANCTIONS_MATCH");
  await expect(page.getByText("9 events", { exact: true })).toBeVisible();
  await expect(page.getByTestId("aml-submissions")).toContainText("Accepted by AMLYZE");
  await expectNoSeriousAxeViolations(page);

  const timeline = page.getByTestId("aml-timeline");
  await expect(timeline).toContainText("Received from the onboarding app");
  await expect(timeline).toContainText("Olga Officer asked to push this enrollment to the core");
  await expect(timeline).toContainText("Core: core_customer, attempt 1");
  await expect(timeline).toContainText("AMLYZE: simplified-customer, attempt 1");
  await expect(timeline).toContainText("AML submission for push 1");
  await expect(timeline.locator('li[data-kind="event"]')).toHaveCount(9);
  await expect(timeline).toContainText("app.amlyze.customer.screening.sanctions.completed");
  await expect(timeline).toContainText("app.amlyze.customer.screening.sanctions.pending");

  // Document numbers are masked until an explicit, audited click.
  await expect(page.locator("body")).not.toContainText(customer.documentNumber);
  await page.getByRole("button", { name: /Reveal the full document numbers/ }).click();
  await expect(page.getByTestId("revealed-documents")).toContainText(customer.documentNumber);
  const audits = await query<{ actor_label: string }>("SELECT actor_label FROM audit_events WHERE action = 'pii.documents_revealed' AND target_id = $1", [customer.enrollmentId]);
  expect(audits).toEqual([{ actor_label: "compliance" }]);

  await page.getByRole("link", { name: "Printable timeline" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`AML timeline: ${customer.firstName} SANCTIONED`);
  await expect(page.getByTestId("aml-timeline").locator('li[data-kind="event"]')).toHaveCount(9);
  await expect(page.getByRole("navigation", { name: "Main navigation" })).toHaveCount(0);
});

test("[OFFICER] sees the AML submission on the enrollment, not the screening results", async ({ page }) => {
  test.setTimeout(60_000);
  const customer = await pushedToAml(page, { lastName: "POLITICO" });
  await signInAs(page, "officer");
  const block = page.getByTestId("enrollment-aml");
  await expect(async () => {
    await page.goto(`/enrollments/${customer.enrollmentId}`);
    await expect(block).toContainText("Accepted by AMLYZE", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(block).toContainText(/EC-[0-9a-f-]{36}/);
  await expect(block.getByRole("link", { name: "Open the AML view" })).toHaveCount(0);
  await expect(page.locator("body")).not.toContainText("PEP hit");
});

test("[COMPLIANCE] reads the AML dashboard", async ({ page }) => {
  await signInAs(page, "compliance");
  await page.goto("/aml/dashboard");
  await expect(page.getByRole("heading", { name: "AML dashboard" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Customers sent to AMLYZE per day/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /KYC scorings completed per day/ })).toBeVisible();
  await expect(page.getByTestId("aml-counts-state")).toContainText("Screening hit");
  await page.getByText("Show the numbers as a table").first().click();
  await expect(page.getByRole("table").first()).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});
