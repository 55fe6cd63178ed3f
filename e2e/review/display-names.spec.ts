import { expect, test } from "@playwright/test";
import { query } from "../aml/aml-fixtures";
import { signInAs } from "../fixtures";
import { intakeFixture, pipeline, pushFromDialog } from "../push/helpers";

// Issue 15.7: people are named by their display name everywhere, never by their username.

test("[OFFICER] [ADMIN] [COMPLIANCE] the history, the pipeline, the audit log and the AML timeline name people by display name", async ({ browser }) => {
  test.setTimeout(120_000);
  const editor = await browser.newPage();
  const fixture = await intakeFixture(editor.request);
  await signInAs(editor, "officer");
  await editor.goto(`/enrollments/${fixture.id}`);
  const info = editor.locator("section#client_info");
  await info.getByRole("textbox", { name: "Nickname", exact: true }).fill("Named");
  await info.getByRole("button", { name: "Save" }).click();
  const history = editor.getByTestId("history");
  await expect(history).toContainText("Olga Officer saved Personal information");
  await expect(history).not.toContainText(/\bofficer saved/);

  // a second officer pushes (four-eyes), and is named so in the pipeline and the history
  const approver = await browser.newPage();
  await signInAs(approver, "officer2");
  await approver.goto(`/enrollments/${fixture.id}`);
  await pushFromDialog(approver);
  await expect(pipeline(approver)).toContainText("requested by Oscar Officer");
  await expect(pipeline(approver).getByTestId("customer-number")).toHaveText(/^\d+$/, { timeout: 20_000 });
  await approver.reload();
  await expect(approver.getByTestId("history")).toContainText("Oscar Officer");
  await expect(approver.getByTestId("history")).not.toContainText(/\bofficer2\b/);

  const admin = await browser.newPage();
  await signInAs(admin, "admin");
  await admin.goto(`/admin/audit?actor=officer&targetId=${fixture.id}`);
  const row = admin.getByTestId("audit-row").first();
  await expect(row.getByRole("cell").nth(1)).toContainText("Olga Officer");

  const compliance = await browser.newPage();
  await signInAs(compliance, "compliance");
  // the AML customer appears once the worker has sent it to AMLYZE
  await expect(async () => {
    const [submission] = await query<{ customer_ext_id: string }>("SELECT customer_ext_id FROM aml_submissions WHERE enrollment_id = $1", [fixture.id]);
    expect(submission).toBeTruthy();
    await compliance.goto(`/aml/customers/${submission!.customer_ext_id}`);
    await expect(compliance.getByTestId("aml-timeline")).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  const timeline = compliance.getByTestId("aml-timeline");
  await expect(timeline).toContainText("Olga Officer saved Personal information");
  await expect(timeline).toContainText("Oscar Officer");
  await expect(timeline).not.toContainText(/\bofficer2? saved/);
  for (const page of [editor, approver, admin, compliance]) await page.close();
});
