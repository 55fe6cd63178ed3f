import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signWebhookBody } from "../../lib/aml/webhook-signing";
import { WEBHOOK_SECRET } from "../../playwright.config";
import { signInAs } from "../fixtures";
import { intakeFixture } from "../push/helpers";

/** The nodes axe finds breaking a rule, as violations or for review (aria-prohibited-attr is reported "for review" on text). */
async function axeFindings(page: Page, rule: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withRules([rule]).analyze();
  return [...results.violations, ...results.incomplete].flatMap((finding) => finding.nodes.map((node) => `${finding.id}: ${node.html.slice(0, 120)}`));
}

/** Tab once from the top of the page: the skip link, visible; Enter moves focus to the page's <main>. */
async function expectSkipLink(page: Page, name: string) {
  await page.locator("body").focus();
  await page.keyboard.press("Tab");
  const link = page.getByRole("link", { name });
  await expect(link).toBeFocused();
  const box = await link.boundingBox();
  expect(box && box.width > 20 && box.height > 10, "visible once focused").toBe(true);
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
  await expect(page.locator("main")).toHaveCount(1);
}

test("[A11Y] a skip link is the first stop, in both languages, and jumps to the page's one <main>", async ({ page }) => {
  await page.goto("/login");
  await expectSkipLink(page, "Skip to content");
  await page.context().addCookies([{ name: "console_locale", value: "es", url: test.info().project.use.baseURL! }]);
  await signInAs(page, "officer");
  await page.goto("/queue");
  await expectSkipLink(page, "Saltar al contenido");
});

test("[A11Y] the queue hydrates without a mismatch (no React error #418, no console error)", async ({ page }) => {
  await signInAs(page, "officer");
  // A browser whose clock is not the server's (any real one, by a little): the page must still
  // hydrate to what the server rendered, so every time it shows is the server's.
  await page.clock.setFixedTime(Date.now() + 90 * 60_000);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${message.text()} ${message.location().url}`);
  });
  await page.goto("/queue");
  await expect(page.getByTestId("queue-row").first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(errors).toEqual([]);
});

test("[A11Y] no prohibited ARIA attribute on the enrollment page (with changes) and the print page", async ({ page }) => {
  const fixture = await intakeFixture(page.request);
  await signInAs(page, "officer");
  await page.goto(`/enrollments/${fixture.id}`);
  const info = page.locator("section#client_info");
  await info.getByRole("textbox", { name: "Nickname", exact: true }).fill("Changed in e2e");
  await info.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("history")).toContainText("Changed in e2e");
  expect(await axeFindings(page, "aria-prohibited-attr")).toEqual([]);

  // An AML customer known from one signed event, and its printable timeline.
  const customer = String(Date.now());
  const body = JSON.stringify({ specversion: "1.0", id: `a11y-${customer}`, source: `COMM-${customer}`, type: "com.amlyze.customer.updated", subject: customer, time: new Date().toISOString(), data: { riskLevel: "LOW", status: "ACTIVE" } });
  const delivered = await page.request.post("/api/v1/amlyze/events", {
    headers: { "content-type": "application/cloudevents+json", "X-Amlyze-Signature": signWebhookBody(WEBHOOK_SECRET, body) },
    data: body,
  });
  expect(delivered.status()).toBe(200);
  await page.context().clearCookies();
  await signInAs(page, "compliance");
  await page.goto(`/aml/customers/${customer}/print`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await axeFindings(page, "aria-prohibited-attr")).toEqual([]);
});

test("[A11Y] a page whose code fails to load shows the console's error inside its one <main>", async ({ page }) => {
  const fixture = await intakeFixture(page.request);
  await signInAs(page, "officer");
  // the newest enrollment: first in the newest-first order (an officer's default is oldest first)
  await page.goto("/queue?sort=received_desc");
  const link = page.locator(`a[href="/enrollments/${fixture.id}"]`);
  await expect(link).toBeVisible();
  // the enrollment page's code cannot be downloaded (a dropped network, a deploy in between)
  await page.route(/\/_next\/static\/chunks\//, (route) => route.abort());
  await link.click();
  await expect(page.getByTestId("page-failed")).toBeVisible();
  await expect(page.locator("main")).toHaveCount(1);
  await expect(page.locator("main#main")).toContainText("This page could not be shown.");
});
