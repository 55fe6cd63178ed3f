import { expect, test } from "@playwright/test";
import { signInAs } from "../fixtures";
import {
  clearAmlyzeFault,
  clearCoreFaults,
  coreRecordOf,
  expectNoReload,
  intakeFixture,
  markDocument,
  outcomeOf,
  pipeline,
  productStep,
  pushFromDialog,
  pushSection,
  setAmlyzeFault,
  setCoreFaults,
} from "./helpers";

test.afterEach(async ({ request }) => {
  await clearCoreFaults(request);
  await clearAmlyzeFault(request);
});

test("[OFFICER] reconciles a product whose outcome is unknown", async ({ page }) => {
  test.setTimeout(90_000);
  const header = page.locator("main header");
  await signInAs(page, "officer");

  // A: the core opened the account but its answer never came back; the officer records what the core shows.
  const a = await intakeFixture(page.request, [{ product_code: "AH01" }]);
  await page.goto(`/enrollments/${a.id}`);
  // prefilled from the intake's requested_products
  await expect(pushSection(page).getByRole("combobox", { name: "Product code" })).toHaveValue("AH01");
  await setCoreFaults(page.request, { core_product: { kind: "timeout", afterProcessing: true, times: 1 } });
  // AMLYZE answers only on the third attempt, well after the push settled and the page rendered it
  await setAmlyzeFault(page.request, { kind: "timeout", times: 3 });
  await markDocument(page);
  await pushFromDialog(page);

  const productA = productStep(page, "AH01");
  await expect(productA.locator('[data-status="needs_reconciliation"]')).toHaveText(/Outcome unknown/, { timeout: 20_000 });
  await expect(header.getByText("Needs reconciliation", { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(pipeline(page).getByTestId("push-error")).toContainText("AH01: the core's answer is unknown");
  // an unknown outcome never reads as success
  const summary = productA.getByTestId("attempt").locator("summary");
  await expect(summary).toHaveCount(1);
  await expect(summary).toContainText("Unknown outcome");
  await expect(summary).toContainText("No HTTP answer");
  await expect(summary).not.toContainText("Success");
  await expect(pushSection(page).getByRole("button", { name: "Push to core" })).toHaveCount(0);

  // The officer's AML block follows AMLYZE live: its acceptance shows without a reload.
  const aml = page.getByTestId("enrollment-aml");
  await expect(aml.getByTestId("aml-submissions")).toBeVisible();
  await expect(aml).not.toContainText("Accepted by AMLYZE");
  await expect(aml).toContainText("Accepted by AMLYZE", { timeout: 25_000 });
  await expectNoReload(page);

  const coreA = await coreRecordOf(page.request, a.documentNumber);
  expect(coreA.accounts).toHaveLength(1);
  const accountNumber = coreA.accounts[0]!.accountNumber;
  const accountField = productA.getByRole("textbox", { name: "Account number the core shows" });
  // Not an account number the core could have given: refused on the field, nothing recorded.
  await accountField.fill("abc");
  await productA.getByRole("button", { name: "Record as opened" }).click();
  await expect(accountField).toHaveAccessibleDescription(/Digits only: an account number as the core shows it/);
  await expect(accountField).toBeFocused();
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
  expect(await outcomeOf(page.request, a.id)).toMatchObject({ status: "needs_reconciliation", accounts: [] });

  await accountField.fill(accountNumber);
  await productA.getByRole("textbox", { name: "Note (optional)" }).fill("Seen on the core's account screen");
  await productA.getByRole("button", { name: "Record as opened" }).click();
  // The officer confirms a summary naming customer, product and account before it is recorded.
  const record = page.getByRole("alertdialog", { name: "Record AH01 as opened?" });
  const customerNumber = (await pipeline(page).getByTestId("customer-number").textContent())!;
  const recorded = record.getByTestId("reconcile-summary");
  await expect(recorded.locator("dt")).toHaveText(["Customer", "Product", "Account"]);
  await expect(recorded.locator("dd")).toHaveText([`LUIS ALEJANDRO MARTINEZ · customer ${customerNumber}`, "AH01 · Cuenta de ahorro", accountNumber]);
  await record.getByRole("button", { name: "Yes, record it as opened" }).click();
  await expect(header.getByText("Pushed", { exact: true })).toBeVisible({ timeout: 15_000 });
  await expect(productA.locator('[data-status="opened"]')).toBeVisible();
  // the form is gone: focus waits on the product it settled
  await expect(productA.getByRole("heading", { name: /^AH01 ·/ })).toBeFocused();
  await expect(productA.getByTestId("resolution")).toContainText(`Reconciled by Olga Officer`);
  await expect(productA.getByTestId("resolution")).toContainText(`the core shows account ${accountNumber}.`);
  expect(await outcomeOf(page.request, a.id)).toMatchObject({ status: "pushed", accounts: [{ account_product: "AH01", account_number: accountNumber }] });

  // B: the request never reached the core's books; the officer confirms it, and the next push opens it once.
  const b = await intakeFixture(page.request);
  await page.goto(`/enrollments/${b.id}`);
  await pushSection(page).getByRole("button", { name: "Add product" }).click();
  await pushSection(page).getByRole("combobox", { name: "Product code" }).selectOption("AH01");
  await setCoreFaults(page.request, { core_product: { kind: "timeout", times: 1 } });
  await pushFromDialog(page);

  const productB = productStep(page, "AH01");
  await expect(productB.locator('[data-status="needs_reconciliation"]')).toBeVisible({ timeout: 20_000 });
  expect((await coreRecordOf(page.request, b.documentNumber)).accounts).toEqual([]);
  await productB.getByRole("button", { name: "Confirm it was not created" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Confirm AH01 was not created?" });
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await confirm.getByRole("button", { name: "Yes, it was not created" }).click();
  await expect(productB.locator('[data-status="not_created"]')).toHaveText("Confirmed not created", { timeout: 15_000 });
  // The customer is in the core: the enrollment says so, and what is left to do, never "Failed".
  await expect(header.getByText("Customer saved", { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(pipeline(page).getByTestId("push-error")).toHaveText("Customer saved; product AH01 not opened — push again to open it.");
  await expect(header.getByText("Failed", { exact: true })).toHaveCount(0);
  await expect(pushSection(page)).toContainText("Also sent with the next push (not opened yet):");

  // the customer is in the core: the next push updates it and opens the product left
  await pushFromDialog(
    page,
    async (dialog) => {
      await expect(dialog).toContainText(/AH01 · Cuenta de ahorro · open date \d{4}-\d{2}-\d{2} \(sent again\)/);
    },
    { update: true },
  );
  const account = productB.getByTestId("account-created");
  await expect(account).toHaveText(/^CREATE · AH01 · account \d{12}$/, { timeout: 15_000 });
  await expect(header.getByText("Pushed", { exact: true })).toBeVisible({ timeout: 20_000 });
  const coreB = await coreRecordOf(page.request, b.documentNumber);
  // exactly one account: confirming "not created" never opens a second one
  expect(coreB.accounts).toHaveLength(1);
  await expect(account).toContainText(coreB.accounts[0]!.accountNumber);
  expect((await outcomeOf(page.request, b.id)).status).toBe("pushed");
});
