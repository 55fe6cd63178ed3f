// One person, one customer (issue 13): the console recognises a person across enrollments by the
// main document, pushes an update rather than a second create, and keeps a pushed customer visible.
import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "../fixtures";
import { coreRecordOf, intakeFixture, outcomeOf, pipeline, pushFromDialog, pushSection, searchQueue, type TFixture } from "./helpers";

test.describe.configure({ timeout: 90_000 });

/** Pushes a fixture as the signed-in officer and waits for the core's customer number. */
async function pushAndWait(page: Page, fixture: TFixture): Promise<string> {
  await page.goto(`/enrollments/${fixture.id}`);
  await pushFromDialog(page);
  const number = pipeline(page).getByTestId("customer-number");
  await expect(number).toHaveText(/^\d+$/, { timeout: 20_000 });
  await expect(page.locator("main header").getByText("Pushed", { exact: true })).toBeVisible({ timeout: 20_000 });
  return (await number.textContent())!;
}

const queueRow = (page: Page, fixture: TFixture) => page.getByTestId("queue-row").filter({ hasText: fixture.code });

test("[OFFICER] sees that the person is already a customer and pushes an update", async ({ page }) => {
  const first = await intakeFixture(page.request);
  await signInAs(page, "officer");
  const customer = await pushAndWait(page, first);

  // the same person again, months later: another enrollment with the same main document
  const second = await intakeFixture(page.request, undefined, undefined, first);
  const already = new RegExp(`^Already customer ${customer} in the core \\(pushed from enrollment ${first.code} on .+\\)$`);
  await searchQueue(page, second.code);
  await expect(queueRow(page, second).getByTestId("queue-identity").getByText(already)).toBeVisible();

  await page.goto(`/enrollments/${second.id}`);
  const identity = page.getByTestId("identity-block");
  await expect(identity.getByTestId("identity-customer")).toHaveText(already);
  await expect(identity.getByRole("link", { name: already })).toHaveAttribute("href", `/enrollments/${first.id}`);
  await expect(page.getByTestId("push-gate")).toHaveText(`All sections validate: the next push updates customer ${customer} in the core.`);

  await pushSection(page).getByRole("button", { name: "Push update" }).click();
  const dialog = page.getByRole("alertdialog", { name: `Update customer ${customer} in the core?` });
  await expect(dialog).toBeVisible({ timeout: 10_000 });
  await expect(dialog.getByTestId("push-dialog-update")).toContainText(`this push updates customer ${customer}`);
  await dialog.getByRole("button", { name: "Push update" }).click();
  await expect(dialog).toBeHidden();

  await expect(page.locator("main header").getByText("Pushed", { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(pipeline(page).getByTestId("customer-number")).toHaveText(customer);
  // the data, not only the screen: one customer in the core, written twice; the same number for both enrollments
  const record = await coreRecordOf(page.request, first.documentNumber);
  expect(record.customer?.customerNumber).toBe(Number(customer));
  expect(record.customer?.writes).toBe(2);
  expect((await outcomeOf(page.request, second.id)).customer_number).toBe(Number(customer));
});

test('[OFFICER] a pushed enrollment edited later shows "update pending"', async ({ browser }) => {
  const officer = await browser.newPage();
  const fixture = await intakeFixture(officer.request);
  await signInAs(officer, "officer");
  const customer = await pushAndWait(officer, fixture);

  const contact = officer.locator("section#client_contact");
  await contact.getByRole("textbox", { name: "Email", exact: true }).fill(`later.${fixture.code.toLowerCase()}@example.com`);
  await contact.getByRole("button", { name: "Save" }).click();
  await expect(contact.getByRole("status")).toHaveText("Saved. 1 change.");
  await officer.reload();
  const header = officer.locator("main header");
  await expect(header.getByText("Update pending", { exact: true })).toBeVisible();
  await expect(header.getByText("Ready", { exact: true })).toHaveCount(0);
  await expect(officer.getByTestId("header-customer-number")).toHaveText(`Customer ${customer} in the core`);
  // the last editor may not push it (four-eyes), but is offered an update, not a first push
  await expect(pushSection(officer).getByRole("button", { name: "Push update" })).toBeDisabled();

  await searchQueue(officer, fixture.code);
  const row = queueRow(officer, fixture);
  await expect(row.getByText("Update pending", { exact: true })).toBeVisible();
  await expect(row.getByTestId("queue-identity")).toContainText(`Customer ${customer} in the core`);

  // compliance sees the customer and the pending update, never "can be pushed"
  const compliance = await browser.newPage();
  await signInAs(compliance, "compliance");
  await compliance.goto(`/enrollments/${fixture.id}`);
  await expect(compliance.locator("main header").getByText("Update pending", { exact: true })).toBeVisible();
  await expect(compliance.getByTestId("header-customer-number")).toHaveText(`Customer ${customer} in the core`);
  await expect(compliance.getByTestId("push-gate")).toHaveText("All sections validate.");
  await expect(compliance.getByText(/can be pushed/)).toHaveCount(0);

  // a second officer pushes the update: the same customer, status back to pushed
  const approver = await browser.newPage();
  await signInAs(approver, "officer2");
  await approver.goto(`/enrollments/${fixture.id}`);
  await pushSection(approver).getByRole("button", { name: "Push update" }).click();
  const dialog = approver.getByRole("alertdialog", { name: `Update customer ${customer} in the core?` });
  await expect(dialog).toBeVisible({ timeout: 10_000 });
  await dialog.getByRole("button", { name: "Push update" }).click();
  await expect(approver.locator("main header").getByText("Pushed", { exact: true })).toBeVisible({ timeout: 20_000 });
  expect((await outcomeOf(approver.request, fixture.id)).customer_number).toBe(Number(customer));
  await Promise.all([officer.close(), compliance.close(), approver.close()]);
});
