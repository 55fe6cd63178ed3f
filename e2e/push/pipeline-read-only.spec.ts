import { expect, test } from "@playwright/test";
import { signInAs } from "../fixtures";
import {
  clearCoreFaults,
  expectNoSeriousAxeViolations,
  intakeFixture,
  pipeline,
  productStep,
  pushFromDialog,
  pushSection,
  setCoreFaults,
} from "./helpers";

test.afterEach(async ({ request }) => clearCoreFaults(request));
test.describe.configure({ timeout: 60_000 });

test("[COMPLIANCE] sees the pipeline read-only", async ({ browser }) => {
  // contexts of their own: two sessions side by side (and axe needs a page from a context)
  const officerContext = await browser.newContext();
  const officer = await officerContext.newPage();
  const fixture = await intakeFixture(officer.request);
  await signInAs(officer, "officer");
  await officer.goto(`/enrollments/${fixture.id}`);
  await pushSection(officer).getByRole("button", { name: "Add product" }).click();
  await pushSection(officer).getByRole("combobox", { name: "Product code" }).selectOption("AH01");
  await setCoreFaults(officer.request, { core_product: { kind: "timeout", times: 1 } });
  await pushFromDialog(officer);
  // the officer is offered the reconciliation…
  await expect(productStep(officer, "AH01").getByRole("button", { name: "Confirm it was not created" })).toBeVisible({ timeout: 20_000 });

  // …compliance sees the same pipeline, and nothing to act with.
  const complianceContext = await browser.newContext();
  const compliance = await complianceContext.newPage();
  await signInAs(compliance, "compliance");
  await compliance.goto(`/enrollments/${fixture.id}`);
  await expect(pipeline(compliance).getByTestId("customer-number")).toHaveText(/^\d+$/);
  const product = productStep(compliance, "AH01");
  await expect(product.locator('[data-status="needs_reconciliation"]')).toHaveText(/Outcome unknown/);
  await expect(product).toContainText("The core's answer for this product is unknown");
  await expect(pipeline(compliance).getByTestId("push-error")).toContainText("AH01: the core's answer is unknown");
  const attempt = pipeline(compliance).getByTestId("customer-step").getByTestId("attempt");
  await attempt.locator("summary").click();
  await expect(attempt).toContainText(`"wisenroll_code": "${fixture.code}"`);

  await expect(compliance.locator("section#push")).toHaveCount(0);
  await expect(compliance.getByRole("button", { name: "Push to core" })).toHaveCount(0);
  await expect(compliance.getByRole("button", { name: "Record as opened" })).toHaveCount(0);
  await expect(compliance.getByRole("button", { name: "Confirm it was not created" })).toHaveCount(0);
  await expect(compliance.getByTestId("reconcile-form")).toHaveCount(0);
  // The one textbox compliance has is the note in the history; none in the pipeline or the sections.
  await expect(compliance.locator("main").getByRole("textbox")).toHaveCount(1);
  await expect(compliance.locator("section#history").getByRole("textbox")).toHaveCount(1);
  await expectNoSeriousAxeViolations(compliance);

  // The console's own reasons are stored as codes: in Spanish, the same push error reads in Spanish
  // (rendered in the browser, which polls the pipeline), the attempt's error too.
  await complianceContext.addCookies([{ name: "console_locale", value: "es", url: compliance.url() }]);
  await compliance.reload();
  await expect(pipeline(compliance).getByTestId("push-error")).toHaveText("AH01: la respuesta del core es desconocida; revise el core y concilie.");
  const productAttempt = productStep(compliance, "AH01").getByTestId("attempt");
  await productAttempt.locator("summary").click();
  await expect(productAttempt).toContainText(/tiempo de espera agotado tras \d+ ms/);
  await officerContext.close();
  await complianceContext.close();
});
