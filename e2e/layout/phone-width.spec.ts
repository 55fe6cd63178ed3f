import { expect, test, type Locator, type Page } from "@playwright/test";
import { signWebhookBody } from "../../lib/aml/webhook-signing";
import { WEBHOOK_SECRET } from "../../playwright.config";
import { signInAs } from "../fixtures";
import { intakeFixture } from "../push/helpers";

const PHONE = { width: 390, height: 844 };
const TABLET = { width: 820, height: 1180 };

/** The page never scrolls sideways: whatever is wider scrolls inside its own box. */
async function expectNoPageScroll(page: Page) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(widths.scroll, "no horizontal page scroll").toBeLessThanOrEqual(widths.viewport);
}

/** Visible, and all of it inside the screen's width (reachable without scrolling sideways). */
async function expectReachable(page: Page, locator: Locator) {
  await expect(locator).toBeVisible();
  await locator.scrollIntoViewIfNeeded();
  const box = (await locator.boundingBox())!;
  expect(box.x, "left edge on screen").toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, "right edge on screen").toBeLessThanOrEqual(page.viewportSize()!.width);
}

/** The header folds behind Menu: opened, it gives the navigation, the user's menu, the language and sign-out. */
async function expectHeaderMenu(page: Page, expanded = false) {
  const menu = page.getByRole("button", { name: "Menu" });
  const signOut = page.getByRole("button", { name: "Sign out" });
  if (!expanded) {
    await expect(signOut).toBeHidden();
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await menu.click();
  }
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  for (const control of [signOut, page.getByRole("combobox", { name: "Language" }), page.getByTestId("current-user"), page.getByRole("navigation", { name: "Main navigation" })]) {
    await expectReachable(page, control);
  }
  await expectNoPageScroll(page);
  // Escape folds it again and gives the focus back to the button
  await signOut.focus();
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();
  await expect(signOut).toBeHidden();
}

test("[LAYOUT] the queue at 390 px: a folded header and filters, rows as cards with every column, nothing off-screen", async ({ page }) => {
  await page.setViewportSize(PHONE);
  const fixture = await intakeFixture(page.request);
  await signInAs(page, "officer");
  await page.goto("/queue?sort=received_desc");
  const row = page.getByTestId("queue-row").filter({ hasText: fixture.code });
  await expect(row).toBeVisible();
  await expectNoPageScroll(page);
  await expectHeaderMenu(page);

  // the filters are one button: the first row is on the first screen
  const filters = page.getByRole("button", { name: "Filters" });
  await expect(filters).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("searchbox", { name: "Search" })).toBeHidden();
  expect((await page.getByTestId("queue-row").first().boundingBox())!.y).toBeLessThan(PHONE.height);
  await filters.click();
  await expectReachable(page, page.getByRole("searchbox", { name: "Search" }));
  await expectReachable(page, page.getByRole("button", { name: "Apply" }));
  await expectNoPageScroll(page);
  await filters.click();

  // the row is a card: every column named and shown, its box ticked for the bulk bar
  await expectReachable(page, row);
  for (const column of ["Wisenroll code", "Main document", "Branch", "Owner", "Received", "Status", "Issues"]) {
    await expect(row.locator(`td[data-label="${column}"]`)).toBeVisible();
  }
  await expect(row).toContainText(fixture.code);
  const box = row.getByRole("checkbox");
  await expectReachable(page, box);
  await box.check();
  await expectReachable(page, page.getByRole("button", { name: "Assign to me" }));
  await box.uncheck();

  // opening the row
  const link = row.getByRole("link");
  await expectReachable(page, link);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/enrollments/${fixture.id}$`));
});

test("[LAYOUT] an enrollment at 390 px: the section menu folded above it, a section saved, nothing off-screen", async ({ page }) => {
  await page.setViewportSize(PHONE);
  const fixture = await intakeFixture(page.request);
  await signInAs(page, "officer");
  await page.goto(`/enrollments/${fixture.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoPageScroll(page);

  // the section menu: one button above the enrollment, the heading right under it
  const sections = page.getByRole("button", { name: "Sections" });
  await expectReachable(page, sections);
  await expect(page.getByRole("navigation", { name: "Sections" })).toBeHidden();
  expect((await page.getByRole("heading", { level: 1 }).boundingBox())!.y).toBeLessThan(PHONE.height / 2);
  await sections.click();
  const contactLink = page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Contact" });
  await expectReachable(page, contactLink);
  await contactLink.click();
  await expect(sections).toHaveAttribute("aria-expanded", "false");
  await expect(page).toHaveURL(/#client_contact$/);

  // a section saved
  const info = page.locator("section#client_info");
  const nickname = info.getByRole("textbox", { name: "Nickname", exact: true });
  await expectReachable(page, nickname);
  await nickname.fill("Saved at 390");
  const save = info.getByRole("button", { name: "Save" });
  await expectReachable(page, save);
  await save.click();
  await expect(page.getByTestId("history")).toContainText("Saved at 390");
  await expectNoPageScroll(page);
  await expectHeaderMenu(page);
});

test("[LAYOUT] the AML queue at 390 px: folded filters, rows as cards, a customer opened", async ({ page }) => {
  await page.setViewportSize(PHONE);
  // a customer the console knows from one signed AMLYZE event
  const customer = String(Date.now());
  const body = JSON.stringify({ specversion: "1.0", id: `phone-${customer}`, source: `COMM-${customer}`, type: "com.amlyze.customer.updated", subject: customer, time: new Date().toISOString(), data: { riskLevel: "LOW", status: "ACTIVE" } });
  const delivered = await page.request.post("/api/v1/amlyze/events", {
    headers: { "content-type": "application/cloudevents+json", "X-Amlyze-Signature": signWebhookBody(WEBHOOK_SECRET, body) },
    data: body,
  });
  expect(delivered.status()).toBe(200);
  await signInAs(page, "compliance");
  await page.goto("/aml?sort=activity_desc");
  await expectNoPageScroll(page);
  await expectHeaderMenu(page);

  const filters = page.getByRole("button", { name: "AML filters" });
  await expect(filters).toHaveAttribute("aria-expanded", "false");
  await filters.click();
  await expectReachable(page, page.getByRole("button", { name: "Apply" }));
  await filters.click();

  const row = page.getByTestId("aml-row").filter({ hasText: customer });
  await expectReachable(page, row);
  for (const column of ["Customer number", "AML state", "Risk"]) await expect(row.locator(`td[data-label="${column}"]`)).toBeVisible();
  const link = row.getByRole("link");
  await expectReachable(page, link);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/aml/customers/${customer}$`));
  await expectNoPageScroll(page);
});

test("[LAYOUT] at 820 px the queue, an enrollment and the AML queue still fit, with every action reachable", async ({ page }) => {
  await page.setViewportSize(TABLET);
  const fixture = await intakeFixture(page.request);
  await signInAs(page, "officer");
  await page.goto("/queue?sort=received_desc");
  await expect(page.getByTestId("queue-row").filter({ hasText: fixture.code })).toBeVisible();
  // a table again from 768 px: its headings, its filters unfolded
  await expect(page.getByRole("columnheader", { name: "Branch" })).toBeVisible();
  await expectReachable(page, page.getByRole("searchbox", { name: "Search" }));
  await expectNoPageScroll(page);
  await expectHeaderMenu(page);
  await page.goto(`/enrollments/${fixture.id}`);
  await expectReachable(page, page.locator("section#client_info").getByRole("button", { name: "Save" }));
  await expectNoPageScroll(page);
  await page.context().clearCookies();
  await signInAs(page, "compliance");
  await page.goto("/aml");
  await expectReachable(page, page.getByRole("button", { name: "Apply" }));
  await expectNoPageScroll(page);
  await expectHeaderMenu(page);
});
