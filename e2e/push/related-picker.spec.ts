import { expect, test } from "@playwright/test";
import { signInAs } from "../fixtures";
import {
  clearCoreFaults,
  coreAccountOf,
  expectNoSeriousAxeViolations,
  intakeFixture,
  outcomeOf,
  pipeline,
  productStep,
  pushDialog,
  pushFromDialog,
  pushSection,
  uniqueLetters,
} from "./helpers";

test.afterEach(async ({ request }) => clearCoreFaults(request));

test("[OFFICER] picks a joint holder from another enrollment and the core receives it", async ({ page }) => {
  // Two pushes and an axe pass, slow on a busy 2-core machine.
  test.setTimeout(150_000);
  const surname = `PICKER${uniqueLetters()}`;
  const holder = await intakeFixture(page.request, undefined, `HOLDER ${surname}`);
  const beneficiary = await intakeFixture(page.request, undefined, `BENEFICIARY ${surname}`);
  const fixture = await intakeFixture(page.request);
  await signInAs(page, "officer");

  // The joint holder is already a core customer: push it first (the customer only).
  await page.goto(`/enrollments/${holder.id}`);
  await pushFromDialog(page);
  await expect(pipeline(page).getByTestId("customer-number")).toHaveText(/^\d+$/, { timeout: 15_000 });
  const holderNumber = (await pipeline(page).getByTestId("customer-number").textContent())!;

  await page.goto(`/enrollments/${fixture.id}`);
  const push = pushSection(page);
  await push.getByRole("button", { name: "Add product" }).click();
  await push.getByRole("combobox", { name: "Product code" }).selectOption("AH01");
  await push.getByRole("button", { name: "Add related client to product 1" }).click();
  const first = push.getByRole("group", { name: "Related client 1 of product 1" });
  const picker = first.getByRole("combobox", { name: "Find another enrollment" });
  await expect(picker).toBeFocused();
  await expect(picker).toHaveAttribute("aria-expanded", "false");

  // The enrollment being pushed is never offered, even named by its exact code.
  await picker.fill(fixture.code);
  await expect(first.getByTestId("related-picker-message")).toHaveText("No other enrollment matches this search.");
  await expect(first.getByRole("status").filter({ hasText: "No other enrollment matches this search." })).toBeAttached();

  // A full document number finds the holder through the blind index; the list shows only its last four.
  await picker.fill(holder.documentNumber);
  const options = first.getByRole("listbox", { name: "Other enrollments" }).getByRole("option");
  await expect(options).toHaveCount(1);
  await expect(picker).toHaveAttribute("aria-expanded", "true");
  const option = options.first();
  await expect(option).toContainText(`LUIS ALEJANDRO HOLDER ${surname}`);
  await expect(option).toContainText(holder.code);
  await expect(option).toContainText(`••••${holder.documentNumber.slice(-4)}`);
  await expect(option).toContainText("Pushed");
  await expect(option).toContainText(`customer ${holderNumber}`);
  await expect(option).not.toContainText(holder.documentNumber);
  await expect(first.getByRole("status").filter({ hasText: "1 enrollment found." })).toBeAttached();
  await expectNoSeriousAxeViolations(page);

  // Keyboard: the arrow makes the option active (focus stays in the input), Enter picks it.
  await picker.press("ArrowDown");
  await expect(option).toHaveAttribute("aria-selected", "true");
  await expect(picker).toHaveAttribute("aria-activedescendant", (await option.getAttribute("id"))!);
  await expect(picker).toBeFocused();
  await picker.press("Enter");
  await expect(picker).toHaveAttribute("aria-expanded", "false");
  await expect(picker).toBeFocused();
  // the holder was pushed: it goes by its customer number
  await expect(first.getByRole("textbox", { name: "Customer number" })).toHaveValue(holderNumber);
  await expect(first.getByRole("textbox", { name: "Wisenroll code" })).toHaveValue("");
  await expect(first.getByTestId("related-picked")).toHaveText(`Picked LUIS ALEJANDRO HOLDER ${surname}: customer number ${holderNumber}.`);
  await first.getByRole("combobox", { name: "Authorized signature" }).selectOption("1");

  // A beneficiary not pushed yet, found by part of its name and picked with the mouse: it goes
  // by its wisenroll code, and the push fills in its main document.
  await push.getByRole("button", { name: "Add related client to product 1" }).click();
  const second = push.getByRole("group", { name: "Related client 2 of product 1" });
  const secondPicker = second.getByRole("combobox", { name: "Find another enrollment" });
  await expect(secondPicker).toBeFocused();
  await secondPicker.pressSequentially(`beneficiary ${surname.toLowerCase()}`);
  const secondOptions = second.getByRole("listbox", { name: "Other enrollments" }).getByRole("option");
  await expect(secondOptions).toHaveCount(1);
  await expect(secondOptions.first()).toContainText("not in the core yet");
  await secondOptions.first().click();
  await expect(second.getByRole("textbox", { name: "Wisenroll code" })).toHaveValue(beneficiary.code);
  await expect(second.getByRole("textbox", { name: "Customer number" })).toHaveValue("");
  await expect(secondPicker).toHaveValue(`LUIS ALEJANDRO BENEFICIARY ${surname}`);

  // The confirmation names each related client: name, masked document, customer number or "pushed with this request".
  await pushFromDialog(page, async (dialog) => {
    const [holderLine, beneficiaryLine] = [dialog.getByTestId("push-dialog-related").nth(0), dialog.getByTestId("push-dialog-related").nth(1)];
    await expect(holderLine).toContainText(`Related client: LUIS ALEJANDRO HOLDER ${surname} · SSN`);
    await expect(holderLine).toContainText(`••••${holder.documentNumber.slice(-4)}`);
    await expect(holderLine).toContainText(`customer ${holderNumber} · link O · signature 1`);
    await expect(beneficiaryLine).toContainText(`Related client: LUIS ALEJANDRO BENEFICIARY ${surname} · SSN`);
    await expect(beneficiaryLine).toContainText(`••••${beneficiary.documentNumber.slice(-4)}`);
    await expect(beneficiaryLine).toContainText("not in the core yet: pushed with this request · link O · signature 0");
    await expect(dialog).not.toContainText(holder.documentNumber);
    await expect(dialog).not.toContainText(beneficiary.documentNumber);
  });

  const account = productStep(page, "AH01").getByTestId("account-created");
  await expect(account).toHaveText(/^CREATE · AH01 · account \d{12}$/, { timeout: 15_000 });
  const accountNumber = /\d{12}/.exec((await account.textContent()) ?? "")![0];

  // The core opened the account with the holder as a related customer ...
  expect((await coreAccountOf(page.request, accountNumber))?.relatedCustomerNumbers).toEqual([Number(holderNumber)]);
  // ... from exactly this core_product request: the holder by number, the beneficiary by code with
  // the main document the console filled in from its enrollment.
  const attempt = productStep(page, "AH01").getByTestId("attempt");
  await expect(attempt).toHaveCount(1);
  await attempt.locator("summary").click();
  const sent = JSON.parse((await attempt.locator("pre").first().textContent())!) as { related_client_info: unknown[] };
  expect(sent.related_client_info).toEqual([
    { customer_number: Number(holderNumber), related_wisenroll_code: null, account_link_type_code: "O", authorized_signature: 1, main_document: null },
    {
      customer_number: null,
      related_wisenroll_code: beneficiary.code,
      account_link_type_code: "O",
      authorized_signature: 0,
      main_document: { document_type_code: expect.any(String), document_number: beneficiary.documentNumber, issuing_country_code: expect.any(String) },
    },
  ]);
});

test("[OFFICER] cannot add a joint holder that does not exist", async ({ page }) => {
  const fixture = await intakeFixture(page.request);
  // a customer number no enrollment has (the e2e's numbers start at the run's epoch seconds × 1000)
  const stranger = String(9_000_000_000_000 + Math.floor(Math.random() * 1_000_000));
  await signInAs(page, "officer");
  await page.goto(`/enrollments/${fixture.id}`);
  const push = pushSection(page);
  await push.getByRole("button", { name: "Add product" }).click();
  await push.getByRole("combobox", { name: "Product code" }).selectOption("AH01");
  await push.getByRole("button", { name: "Add related client to product 1" }).click();
  const row = push.getByRole("group", { name: "Related client 1 of product 1" });

  // A wisenroll code no enrollment has: refused on its field as it is typed, before any push.
  const code = row.getByRole("textbox", { name: "Wisenroll code" });
  await code.fill("ZZZZZZ");
  // looked up after a pause in typing: allow for a busy server
  await expect(code).toHaveAttribute("aria-invalid", "true", { timeout: 15_000 });
  await expect(code).toHaveAccessibleDescription(/No enrollment has this wisenroll code/);
  await push.getByRole("button", { name: "Push to core" }).click();
  await expect(code).toBeFocused();
  await expect(page.getByTestId("push-notice")).toContainText("Some products are not valid");
  await expect(pushDialog(page)).toHaveCount(0);

  // A customer number this console has never seen: a warning the officer must confirm.
  await code.fill("");
  const number = row.getByRole("textbox", { name: "Customer number" });
  await number.fill(stranger);
  const warning = row.getByTestId("related-unknown-customer");
  await expect(warning).toContainText(`No enrollment of this console has customer number ${stranger}.`, { timeout: 15_000 });
  await push.getByRole("button", { name: "Push to core" }).click();
  await expect(number).toBeFocused();
  await expect(number).toHaveAccessibleDescription(/No enrollment of this console has this customer number: check that the core knows it, then confirm below/);
  await expect(pushDialog(page)).toHaveCount(0);
  await warning.getByRole("checkbox", { name: `I checked: the core knows customer ${stranger}` }).check();
  await push.getByRole("button", { name: "Push to core" }).click();
  const dialog = pushDialog(page);
  await expect(dialog).toBeVisible({ timeout: 10_000 });
  await expect(dialog.getByTestId("push-dialog-related")).toHaveText(
    `Related client: customer ${stranger} (not known to this console; you confirmed the core knows it) · link O · signature 0`,
  );
  await dialog.getByRole("button", { name: "Cancel" }).click();
  expect((await outcomeOf(page.request, fixture.id)).status).toBe("received");
});
