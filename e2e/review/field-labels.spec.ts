import fs from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { INTAKE_KEY } from "../../playwright.config";
import { signInAs } from "../fixtures";
import { pushDialog, pushSection } from "../push/helpers";

// Issue 15.1: every place that names a field reads the field table's label in the reader's
// language, with its section, and links to the field; never a data path like client_contact.email.

/** Seed example 1 without its email and with an impossible birth date: two issues. */
async function intakeWithTwoIssues(page: Page): Promise<string> {
  const body = JSON.parse(fs.readFileSync("fixtures/enrollments/seed-example-1.json", "utf8"));
  body.client_info.wisenroll_code = Math.random().toString(36).slice(2, 8).toUpperCase();
  body.client_documents[4].document_number = String(Date.now()).slice(-9);
  delete body.client_contact.email;
  body.client_info.birth_date = "1991-02-30";
  const response = await page.request.post("/api/v1/enrollments", { headers: { Authorization: `Bearer ${INTAKE_KEY}` }, data: body });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function useLanguage(page: Page, locale: "en" | "es") {
  await page.context().addCookies([{ name: "console_locale", value: locale, url: test.info().project.use.baseURL! }]);
}

/** No data path (`client_contact.email`, `client_documents.1.document_number`) in what people read. */
async function expectNoDataPath(region: Locator) {
  await expect(region).not.toContainText(/client_[a-z_]+(\.|\[)/);
}

/** The link named `label` points at the field's control or value, which is on the page. */
async function expectFieldLink(page: Page, region: Locator, label: string, anchor: string) {
  const link = region.getByRole("link", { name: label, exact: true }).first();
  await expect(link).toHaveAttribute("href", `#${anchor}`);
  await expect(page.locator(`[id="${anchor}"]`)).toHaveCount(1);
}

test("[OFFICER] the push gate, the history and the changes name fields by their labels, in English and Spanish", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const id = await intakeWithTwoIssues(page);
  await signInAs(page, "officer");

  await useLanguage(page, "es");
  await page.goto(`/enrollments/${id}`);
  const gate = page.getByTestId("push-gate");
  await expectFieldLink(page, gate, "Contacto · Correo electrónico", "f-client_contact-email");
  await expectFieldLink(page, gate, "Información personal · Fecha de nacimiento", "f-client_info-birth_date");
  // the rule itself in Spanish too
  await expect(gate).toContainText("Obligatorio");
  await expectNoDataPath(gate);

  await useLanguage(page, "en");
  await page.goto(`/enrollments/${id}`);
  await expectFieldLink(page, gate, "Contact · Email", "f-client_contact-email");
  await expectFieldLink(page, gate, "Personal information · Birth date", "f-client_info-birth_date");
  await expectNoDataPath(gate);

  // Fix both, and change the second document's number (an array path).
  const info = page.locator("section#client_info");
  await info.getByRole("textbox", { name: "Birth date", exact: true }).fill("1991-02-28");
  await info.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("issue-count")).toHaveText("1 issue");
  const contact = page.locator("section#client_contact");
  await contact.getByRole("textbox", { name: "Email", exact: true }).fill("luis.labels@example.com");
  await contact.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("issue-count")).toHaveText("No issues");
  const documents = page.locator("section#client_documents");
  await documents.getByRole("group", { name: "Document 2", exact: true }).getByRole("textbox", { name: "Document number", exact: true }).fill("2132322356");
  await documents.getByRole("button", { name: "Save" }).click();
  await expect(documents.getByRole("status")).toContainText("Saved");

  const history = page.getByTestId("history");
  const changes = page.locator("section#changes");
  for (const region of [history, changes]) {
    await expectFieldLink(page, region, "Contact · Email", "f-client_contact-email");
    await expectFieldLink(page, region, "Personal information · Birth date", "f-client_info-birth_date");
    await expectFieldLink(page, region, "Documents · 2 · Document number", "f-client_documents-1-document_number");
    await expectNoDataPath(region);
  }

  await useLanguage(page, "es");
  await page.reload();
  for (const region of [history, changes]) {
    await expectFieldLink(page, region, "Contacto · Correo electrónico", "f-client_contact-email");
    await expectFieldLink(page, region, "Documentos · 2 · Número de documento", "f-client_documents-1-document_number");
    await expectNoDataPath(region);
  }

  // The push confirmation (a second officer: the editor may not push under four-eyes).
  const approver = await browser.newPage();
  await signInAs(approver, "officer2");
  await approver.goto(`/enrollments/${id}`);
  await pushSection(approver).getByRole("button", { name: "Push to core" }).click();
  const dialog = pushDialog(approver);
  await expect(dialog).toBeVisible({ timeout: 10_000 });
  const dialogChanges = dialog.getByRole("region", { name: "Changes since received" });
  await expect(dialogChanges.getByRole("link", { name: "Contact · Email", exact: true })).toBeVisible();
  await expect(dialogChanges.getByRole("link", { name: "Documents · 2 · Document number", exact: true })).toBeVisible();
  await expectNoDataPath(dialogChanges);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await approver.close();
});

test("[COMPLIANCE] the read-only enrollment names and links fields the same way", async ({ page }) => {
  const id = await intakeWithTwoIssues(page);
  await signInAs(page, "compliance");
  await useLanguage(page, "es");
  await page.goto(`/enrollments/${id}`);
  const gate = page.getByTestId("push-gate");
  // the missing email is shown (as no value) in the read-only view, so the link has a target
  await expectFieldLink(page, gate, "Contacto · Correo electrónico", "f-client_contact-email");
  await expectFieldLink(page, gate, "Información personal · Fecha de nacimiento", "f-client_info-birth_date");
  await expectNoDataPath(gate);
});
