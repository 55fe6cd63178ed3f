import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { INTAKE_KEY } from "../../playwright.config";
import { signInAs } from "../fixtures";
import { expectNoSeriousAxeViolations } from "../push/helpers";

/** Posts seed example 1 without its email (one issue) and returns the new enrollment's id. */
async function intakeWithoutEmail(page: Page, birthDate?: string): Promise<string> {
  const body = JSON.parse(fs.readFileSync("fixtures/enrollments/seed-example-1.json", "utf8"));
  body.client_info.wisenroll_code = Math.random().toString(36).slice(2, 8).toUpperCase();
  delete body.client_contact.email;
  if (birthDate) body.client_info.birth_date = birthDate;
  const response = await page.request.post("/api/v1/enrollments", { headers: { Authorization: `Bearer ${INTAKE_KEY}` }, data: body });
  expect(response.status()).toBe(201);
  const created = (await response.json()) as { id: string; issues: number };
  expect(created.issues).toBe(birthDate ? 2 : 1);
  return created.id;
}

const contact = (page: Page) => page.locator("section#client_contact");

test("[OFFICER] fixes an invalid enrollment and it becomes ready", async ({ page }) => {
  const id = await intakeWithoutEmail(page, "1991-02-30");
  await signInAs(page, "officer");
  await page.goto(`/enrollments/${id}`);
  await expect(page.getByTestId("push-gate")).toContainText("Contact · Email");
  await expect(page.getByTestId("push-gate")).toContainText("Personal information · Birth date");
  await expect(page.getByTestId("issue-count")).toHaveText("2 issues");

  // The impossible date that arrived is shown as it is, with the rule it breaks.
  const info = page.locator("section#client_info");
  const birthDate = info.getByRole("textbox", { name: "Birth date", exact: true });
  await expect(birthDate).toHaveValue("1991-02-30");
  // Stored issues are placed on their fields once the form has hydrated: give a slow machine time.
  await expect(info.getByText("Not a real calendar date (YYYY-MM-DD)", { exact: true })).toBeVisible({ timeout: 30_000 });
  await birthDate.fill("1991-02-28");
  await info.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("issue-count")).toHaveText("1 issue");

  const email = contact(page).getByRole("textbox", { name: "Email", exact: true });
  await email.fill("not-an-email");
  await contact(page).getByRole("button", { name: "Save" }).click();
  await expect(contact(page).getByText("Not a valid email address", { exact: true })).toBeVisible();
  await expect(email).toHaveValue("not-an-email");

  await email.fill("luis.martinez@example.com");
  await contact(page).getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("issue-count")).toHaveText("No issues");
  await expect(page.getByTestId("push-gate")).toContainText("All sections validate");
  await expect(page.getByText("Ready", { exact: true }).first()).toBeVisible();
  const history = page.getByTestId("history");
  await expect(history).toContainText("Olga Officer saved Contact");
  await expect(history).toContainText("Contact · Email");
  await expect(history).toContainText("luis.martinez@example.com");
  await expect(history).toContainText("1991-02-28");
});

test("[OFFICER] concurrent edit is refused", async ({ browser }) => {
  const first = await browser.newPage();
  const second = await browser.newPage();
  const id = await intakeWithoutEmail(first);
  await signInAs(first, "officer");
  await signInAs(second, "officer2");
  await first.goto(`/enrollments/${id}`);
  await second.goto(`/enrollments/${id}`);

  await contact(first).getByRole("textbox", { name: "Email", exact: true }).fill("first@example.com");
  await contact(first).getByRole("button", { name: "Save" }).click();
  await expect(first.getByTestId("issue-count")).toHaveText("No issues");

  await contact(second).getByRole("textbox", { name: "Email", exact: true }).fill("second@example.com");
  await contact(second).getByRole("button", { name: "Save" }).click();
  await expect(contact(second).getByRole("alert").filter({ hasText: "Olga Officer saved Contact" })).toContainText("Your changes were not saved and are still here");
  await expect(contact(second).getByRole("textbox", { name: "Email", exact: true })).toHaveValue("second@example.com");
  // the other value is shown beside the field; taking it puts it in the form
  await contact(second).getByRole("button", { name: "Take theirs" }).click();
  await expect(contact(second).getByRole("textbox", { name: "Email", exact: true })).toHaveValue("first@example.com");
  await first.close();
  await second.close();
});

test("[COMPLIANCE] cannot edit: no form controls, and a replayed save action is refused", async ({ browser }) => {
  const officer = await browser.newPage();
  const id = await intakeWithoutEmail(officer);
  await signInAs(officer, "officer");
  await officer.goto(`/enrollments/${id}`);
  // Capture what the browser sends for a real save (the action id and its encoded arguments).
  const saveRequest = officer.waitForRequest((request) => request.method() === "POST" && !!request.headers()["next-action"]);
  await contact(officer).getByRole("textbox", { name: "Email", exact: true }).fill("officer@example.com");
  await contact(officer).getByRole("button", { name: "Save" }).click();
  const captured = await saveRequest;
  await expect(officer.getByTestId("issue-count")).toHaveText("No issues");

  const compliance = await browser.newPage();
  await signInAs(compliance, "compliance");
  await compliance.goto(`/enrollments/${id}`);
  // No control in the eight sections (compliance may write a note in the history: its one textbox).
  await expect(compliance.locator("main section[id^='client_']")).toHaveCount(8);
  await expect(compliance.locator("main section[id^='client_']").getByRole("textbox")).toHaveCount(0);
  await expect(compliance.locator("main").getByRole("button", { name: "Save" })).toHaveCount(0);
  await expect(contact(compliance)).toContainText("officer@example.com");

  // The same action called directly with the compliance session: refused, nothing changes.
  const replay = await compliance.request.post(`/enrollments/${id}`, {
    headers: { "next-action": captured.headers()["next-action"]!, "content-type": captured.headers()["content-type"] ?? "text/plain;charset=UTF-8", accept: "text/x-component" },
    data: captured.postData()!.replace("officer@example.com", "compliance@example.com"),
  });
  expect(await replay.text()).toContain("Your role may not do this.");
  await compliance.reload();
  await expect(contact(compliance)).toContainText("officer@example.com");
  await expect(contact(compliance)).not.toContainText("compliance@example.com");
  await officer.close();
  await compliance.close();
});

test("[OFFICER] the edit forms pass axe-core without serious or critical violations", async ({ page }) => {
  // axe walks ~5,000 nodes of the full page; on a busy 2-core machine that alone takes 30 s.
  test.setTimeout(150_000);
  const id = await intakeWithoutEmail(page);
  await signInAs(page, "officer");
  await page.goto(`/enrollments/${id}`);
  await expect(contact(page).getByRole("textbox", { name: "Email", exact: true })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});

test("[OFFICER] fixes a field with the keyboard alone", async ({ page }) => {
  const id = await intakeWithoutEmail(page);
  await signInAs(page, "officer");
  await page.goto(`/enrollments/${id}`);
  // From the section's problem list, a link leads to the field; typing and Enter save it.
  await contact(page).getByRole("link", { name: "Email: Required" }).focus();
  await page.keyboard.press("Enter");
  await expect(contact(page).getByRole("textbox", { name: "Email", exact: true })).toBeFocused();
  await page.keyboard.type("keyboard@example.com");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("issue-count")).toHaveText("No issues");
});

test("[OFFICER] sees every document marked main, and a change of type only says so", async ({ page }) => {
  const body = JSON.parse(fs.readFileSync("fixtures/enrollments/seed-example-1.json", "utf8"));
  body.client_info.wisenroll_code = Math.random().toString(36).slice(2, 8).toUpperCase();
  // The onboarding app marked two documents main, and sent the salary as text.
  body.client_documents[3].main = 1;
  body.client_job_info.salary = "4000";
  const response = await page.request.post("/api/v1/enrollments", { headers: { Authorization: `Bearer ${INTAKE_KEY}` }, data: body });
  expect(response.status()).toBe(201);
  const { id } = (await response.json()) as { id: string };
  await signInAs(page, "officer");
  await page.goto(`/enrollments/${id}`);

  // Both flags show, so the "exactly one main" error names something visible.
  const documents = page.locator("section#client_documents");
  await expect(documents.locator("#f-client_documents-3-main")).toBeChecked({ timeout: 30_000 });
  await expect(documents.locator("#f-client_documents-4-main")).toBeChecked();
  // Choosing one clears the other.
  await documents.locator("#f-client_documents-4-main").click();
  await expect(documents.locator("#f-client_documents-3-main")).not.toBeChecked();
  await expect(documents.locator("#f-client_documents-4-main")).toBeChecked();
  await documents.getByRole("button", { name: "Save" }).click();
  await expect(documents.getByText(/Saved/)).toBeVisible();

  // Saving the section stores the salary as a number: "text → number", not "4000 → 4000".
  const job = page.locator("section#client_job_info");
  await job.getByRole("spinbutton", { name: "Annual gross salary", exact: true }).fill("100001");
  await job.getByRole("button", { name: "Save" }).click();
  await expect(job.getByText(/Saved/)).toBeVisible();
  await expect(page.locator("section#changes")).toContainText(/4000 \(text\) → (after: )?4000 \(number\)/);
});
