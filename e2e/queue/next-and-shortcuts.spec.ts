import { expect, test } from "@playwright/test";
import { signInAs } from "../fixtures";

test("[OFFICER] takes the next enrollment with 'n' and moves through the queue by keyboard", async ({ page }) => {
  await signInAs(page, "officer2");
  await page.goto("/queue");
  const rows = page.getByTestId("queue-row");
  await expect(rows.first()).toBeVisible();

  // '/' goes to the search box; keys typed there are the box's own
  await page.keyboard.press("/");
  await expect(page.getByLabel("Search")).toBeFocused();
  await page.keyboard.type("jk");
  await expect(page.getByLabel("Search")).toHaveValue("jk");
  await page.getByLabel("Search").fill("");
  await page.getByLabel("Search").blur();

  // j / k move through the rows; Enter opens the focused one
  await page.keyboard.press("j");
  await expect(rows.nth(0).getByRole("link")).toBeFocused();
  await page.keyboard.press("j");
  await expect(rows.nth(1).getByRole("link")).toBeFocused();
  await page.keyboard.press("k");
  await expect(rows.nth(0).getByRole("link")).toBeFocused();
  const firstHref = await rows.nth(0).getByRole("link").getAttribute("href");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`${firstHref}$`));

  // '?' shows every shortcut, in a dialog that Escape closes
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  await expect(help).toContainText("Next enrollment");
  await expect(help).toContainText("Search the queue");
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  // 'n' from an enrollment: the officer's most urgent own one, else an unassigned one, taken for them
  const leaving = page.url();
  await page.keyboard.press("n");
  await expect(page).not.toHaveURL(leaving, { timeout: 15_000 });
  await expect(page).toHaveURL(/\/enrollments\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("owner")).toHaveText("Owner: you");
});

test("[OFFICER] 'Next enrollment' from the queue, in Spanish", async ({ page }) => {
  await page.context().addCookies([{ name: "console_locale", value: "es", url: test.info().project.use.baseURL! }]);
  await signInAs(page, "officer2");
  await page.goto("/queue");
  await page.getByRole("button", { name: "Siguiente enrolamiento" }).click();
  await expect(page).toHaveURL(/\/enrollments\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("owner")).toHaveText("Responsable: usted");
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Atajos de teclado" })).toContainText("Siguiente enrolamiento");
});
