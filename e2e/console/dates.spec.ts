import { expect, test, type Locator, type Page } from "@playwright/test";
import { signInAs, type TDemoRole } from "../fixtures";
import { intakeFixture } from "../push/helpers";

// Issue 15.6: one way to write a date per language on every page, and date filters that take
// days as the forms do (YYYY-MM-DD) and refuse a "from" after the "to" with a message.

async function signInWithLanguage(page: Page, role: TDemoRole, locale: "en" | "es") {
  await page.context().clearCookies();
  await page.context().addCookies([{ name: "console_locale", value: locale, url: test.info().project.use.baseURL! }]);
  await signInAs(page, role);
}

/** Every <time> in `region` starts with its day written as the locale's medium date ("14 ene 2026" / "Jan 14, 2026"). */
async function expectMediumDates(region: Locator, locale: string) {
  const times = region.locator("time[datetime]");
  await expect(times.first()).toBeVisible();
  const found = await times.evaluateAll(
    (elements, lang) =>
      elements.map((element) => {
        const at = new Date(element.getAttribute("datetime")!);
        const day = new Intl.DateTimeFormat(lang, { dateStyle: "medium" }).format(at);
        return { text: element.textContent ?? "", day };
      }),
    locale,
  );
  for (const { text, day } of found) expect(text.startsWith(day), `"${text}" starts with "${day}"`).toBe(true);
}

test("[OFFICER] [ADMIN] the history and the audit log write a moment the same way, in English and Spanish", async ({ page }) => {
  const fixture = await intakeFixture(page.request);
  await signInAs(page, "officer");
  await page.goto(`/enrollments/${fixture.id}`);
  const info = page.locator("section#client_info");
  await info.getByRole("textbox", { name: "Nickname", exact: true }).fill("Dated");
  await info.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("history")).toContainText("Dated");

  for (const locale of ["en", "es"] as const) {
    await signInWithLanguage(page, "officer", locale);
    await page.goto(`/enrollments/${fixture.id}`);
    await expectMediumDates(page.getByTestId("history"), locale);
    await signInWithLanguage(page, "admin", locale);
    await page.goto(`/admin/audit?targetId=${fixture.id}`);
    await expectMediumDates(page.getByRole("table"), locale);
  }
});

/** Types a reversed range and applies: the form refuses it, naming the field, and the list stays. */
async function expectReversedRangeRefused(page: Page, labels: { from: string; to: string; apply: string }, message: string, rows: Locator) {
  const from = page.getByRole("textbox", { name: labels.from, exact: true });
  const to = page.getByRole("textbox", { name: labels.to, exact: true });
  const before = page.url();
  await from.fill("2026-02-01");
  await to.fill("2026-01-01");
  await page.getByRole("button", { name: labels.apply, exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: message })).toBeVisible();
  await expect(from).toHaveAttribute("aria-invalid", "true");
  await expect(from).toBeFocused();
  expect(page.url()).toBe(before);
  await expect(rows.first()).toBeVisible();
}

test("[OFFICER] [COMPLIANCE] [ADMIN] date filters take YYYY-MM-DD and refuse a from after the to, in either language", async ({ page }) => {
  await intakeFixture(page.request);
  await signInWithLanguage(page, "officer", "es");
  await page.goto("/queue");
  await expect(page.getByTestId("queue-row").first()).toBeVisible();
  const from = page.getByRole("textbox", { name: "Recibido desde", exact: true });
  await expect(from).toHaveAttribute("type", "text");
  await expect(from).toHaveAttribute("placeholder", "AAAA-MM-DD");
  await expectReversedRangeRefused(page, { from: "Recibido desde", to: "Recibido hasta", apply: "Aplicar" }, "«Recibido desde» debe ser igual o anterior a «Recibido hasta».", page.getByTestId("queue-row"));
  // a day that is not one is named too
  await from.fill("01/02/2026");
  await page.getByRole("textbox", { name: "Recibido hasta", exact: true }).fill("");
  await page.getByRole("button", { name: "Aplicar", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "«Recibido desde» no es una fecha: escríbala como AAAA-MM-DD." })).toBeVisible();

  await signInWithLanguage(page, "officer", "en");
  await page.goto("/queue");
  await expect(page.getByRole("textbox", { name: "Received from", exact: true })).toHaveAttribute("placeholder", "YYYY-MM-DD");
  await expectReversedRangeRefused(page, { from: "Received from", to: "Received to", apply: "Apply" }, "“Received from” must be on or before “Received to”.", page.getByTestId("queue-row"));

  await signInWithLanguage(page, "compliance", "es");
  await page.goto("/aml");
  await expect(page.getByRole("textbox", { name: "Actividad desde", exact: true })).toHaveAttribute("placeholder", "AAAA-MM-DD");
  await expectReversedRangeRefused(page, { from: "Actividad desde", to: "Actividad hasta", apply: "Aplicar" }, "«Actividad desde» debe ser igual o anterior a «Actividad hasta».", page.getByRole("table"));

  await signInWithLanguage(page, "admin", "es");
  // without JavaScript too: the audit log's filters are a plain GET form
  await page.goto("/admin/audit?from=2026-02-01&to=2026-01-01");
  await expect(page.getByRole("alert").filter({ hasText: "«Desde» debe ser igual o anterior a «Hasta»." })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Desde", exact: true })).toHaveValue("2026-02-01");
  await expect(page.getByTestId("audit-row").first()).toBeVisible();
});
