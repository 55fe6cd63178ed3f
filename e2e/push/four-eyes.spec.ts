import { expect, test } from "@playwright/test";
import { signInAs } from "../fixtures";
import { clearCoreFaults, intakeFixture, outcomeOf, pipeline, pushFromDialog, pushSection } from "./helpers";

test.afterEach(async ({ request }) => clearCoreFaults(request));
test.describe.configure({ timeout: 60_000 });

test("[OFFICER] four-eyes: the last editor cannot push, a second officer can", async ({ browser }) => {
  const editor = await browser.newPage();
  const approver = await browser.newPage();
  const fixture = await intakeFixture(editor.request);
  await signInAs(editor, "officer");
  await signInAs(approver, "officer2");

  await editor.goto(`/enrollments/${fixture.id}`);
  const email = `four.eyes.${fixture.code.toLowerCase()}@example.com`;
  const contact = editor.locator("section#client_contact");
  await contact.getByRole("textbox", { name: "Email", exact: true }).fill(email);
  await contact.getByRole("button", { name: "Save" }).click();
  await expect(contact.getByRole("status")).toHaveText("Saved. 1 change.");

  // The last editor is told up front, and cannot press the button.
  const editorButton = pushSection(editor).getByRole("button", { name: "Push to core" });
  await expect(editorButton).toBeDisabled();
  const reason = "Four-eyes rule: you made the last change to this enrollment, so another officer must review and push it.";
  await expect(editor.getByTestId("push-blocked")).toHaveText(reason);
  await expect(editorButton).toHaveAccessibleDescription(reason);

  await approver.goto(`/enrollments/${fixture.id}`);
  await expect(pushSection(approver).getByRole("button", { name: "Push to core" })).toBeEnabled();
  // The server checks too: the second officer's push request, sent first with the editor's session, is refused.
  let replayed = "";
  await approver.route(`**/enrollments/${fixture.id}`, async (route) => {
    const request = route.request();
    const action = request.headers()["next-action"];
    if (request.method() === "POST" && action) {
      const replay = await editor.request.post(`/enrollments/${fixture.id}`, {
        headers: { "next-action": action, "content-type": request.headers()["content-type"] ?? "text/plain;charset=UTF-8", accept: "text/x-component" },
        data: request.postData() ?? "",
      });
      replayed = await replay.text();
    }
    await route.continue();
  });

  await pushFromDialog(approver, async (dialog) => {
    // what the editor changed, in front of the officer who approves it
    const changes = dialog.getByRole("region", { name: "Changes since received" });
    await expect(changes).toContainText("Contact · Email");
    await expect(changes.getByRole("insertion")).toHaveText(email);
  });
  expect(replayed).toContain('"kind":"four_eyes"');

  await expect(pipeline(approver).getByTestId("customer-number")).toHaveText(/^\d+$/, { timeout: 15_000 });
  await expect(approver.locator("main header").getByText("Pushed", { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(pipeline(approver)).toContainText("Push 1 requested by Oscar Officer");
  expect((await outcomeOf(approver.request, fixture.id)).status).toBe("pushed");
  await editor.close();
  await approver.close();
});
