import { expect, test } from "@playwright/test";
import { signInAs } from "../fixtures";
import {
  clearCoreFaults,
  coreRecordOf,
  expectNoReload,
  expectNoSeriousAxeViolations,
  intakeFixture,
  markDocument,
  outcomeOf,
  pipeline,
  productStep,
  pushFromDialog,
  pushSection,
  setCoreFaults,
} from "./helpers";

test.afterEach(async ({ request }) => clearCoreFaults(request));
// a push waits for the worker and the sandbox core; the machine running e2e may be slow
test.describe.configure({ timeout: 60_000 });

const today = () => new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());

test("[OFFICER] pushes a fixture and sees customer and account numbers", async ({ page }) => {
  // Includes an axe pass over the whole page, slow on a busy 2-core machine.
  test.setTimeout(150_000);
  const fixture = await intakeFixture(page.request);
  await signInAs(page, "officer");
  await page.goto(`/enrollments/${fixture.id}`);
  await expect(page.getByTestId("push-gate")).toContainText("All sections validate");
  await expect(page.locator("section#pipeline")).toContainText("Not pushed yet.");

  const push = pushSection(page);
  await push.getByRole("button", { name: "Add product" }).click();
  const productCode = push.getByRole("combobox", { name: "Product code" });
  await expect(productCode).toBeFocused();
  await productCode.selectOption("AH01");
  await expect(push.getByRole("textbox", { name: "Open date" })).toHaveValue(today());

  await markDocument(page);
  await pushFromDialog(page, async (dialog) => {
    await expect(dialog).toContainText(`AH01 · Cuenta de ahorro · open date ${today()}`);
    await expect(dialog).toContainText("No changes.");
    await expectNoSeriousAxeViolations(page);
  });

  const customerNumber = pipeline(page).getByTestId("customer-number");
  await expect(customerNumber).toHaveText(/^\d+$/, { timeout: 15_000 });
  const account = productStep(page, "AH01").getByTestId("account-created");
  await expect(account).toHaveText(/^CREATE · AH01 · account \d{12}$/, { timeout: 15_000 });
  // The header is server-rendered: it follows once the pipeline asks the router to refresh.
  await expect(page.locator("main header").getByText("Pushed", { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(pipeline(page).getByTestId("customer-step")).toContainText("Customer saved");
  await expectNoReload(page);

  // What the screen shows is what was stored, and what the core itself holds.
  const shownCustomer = Number(await customerNumber.textContent());
  const shownAccount = /\d{12}/.exec((await account.textContent()) ?? "")![0];
  expect(await outcomeOf(page.request, fixture.id)).toMatchObject({
    status: "pushed",
    customer_number: shownCustomer,
    accounts: [{ account_product: "AH01", account_number: shownAccount }],
  });
  const core = await coreRecordOf(page.request, fixture.documentNumber);
  expect(core.customer?.customerNumber).toBe(shownCustomer);
  expect(core.accounts.map((a) => a.accountNumber)).toEqual([shownAccount]);

  // Each attempt opens to its exact request and response.
  const attempt = pipeline(page).getByTestId("customer-step").getByTestId("attempt");
  await expect(attempt).toHaveCount(1);
  await attempt.locator("summary").click();
  await expect(attempt).toContainText("HTTP 201");
  await expect(attempt).toContainText(`"wisenroll_code": "${fixture.code}"`);
  await expect(attempt).toContainText(`"customer_number": ${shownCustomer}`);
  await expectNoSeriousAxeViolations(page);
});

test("[OFFICER] core rejects with a message and it is shown", async ({ page }) => {
  const fixture = await intakeFixture(page.request);
  const message = `SANDBOX: client ${fixture.code} is on the bank's internal watch list (W-17); see the compliance desk`;
  await setCoreFaults(page.request, { core_customer: { kind: "status400", message, times: 1 } });
  await signInAs(page, "officer");
  await page.goto(`/enrollments/${fixture.id}`);
  await markDocument(page);
  await pushFromDialog(page, async (dialog) => {
    await expect(dialog).toContainText("No products: only the customer is sent.");
  });

  const pushError = pipeline(page).getByTestId("push-error");
  await expect(pushError).toHaveText(message, { timeout: 15_000 });
  await expect(pushError).toHaveAttribute("role", "alert");
  await expect(page.locator("main header").getByText("In review", { exact: true })).toBeVisible({ timeout: 20_000 });
  const step = pipeline(page).getByTestId("customer-step");
  await expect(step).toContainText("Rejected by the core");
  await expect(pipeline(page).getByTestId("customer-number")).toHaveText("—");
  // a 4XX is the core's decision: not retried, and its body is kept as it came
  const attempt = step.getByTestId("attempt");
  await expect(attempt).toHaveCount(1);
  await attempt.locator("summary").click();
  await expect(attempt).toContainText("Rejected");
  await expect(attempt).toContainText("HTTP 400");
  await expect(attempt).toContainText(`"message": ${JSON.stringify(message)}`);
  await expectNoReload(page);

  expect(await outcomeOf(page.request, fixture.id)).toMatchObject({ status: "in_review", customer_number: null, accounts: [] });
  expect((await coreRecordOf(page.request, fixture.documentNumber)).customer).toBeNull();
  // back in review, the officer may push again once the data is fixed
  await expect(pushSection(page).getByRole("button", { name: "Push to core" })).toBeEnabled();
});
