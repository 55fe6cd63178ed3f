import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "../fixtures";
import { expectNoSeriousAxeViolations } from "../push/helpers";

/** The page's background is dark (its luminance, roughly, from the body's computed colour). */
async function backgroundIsDark(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const probe = document.createElement("canvas").getContext("2d")!;
    probe.fillStyle = getComputedStyle(document.body).backgroundColor;
    probe.fillRect(0, 0, 1, 1);
    const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b! < 100;
  });
}

test("[THEME] the console follows the system's scheme, and the user menu's choice holds over it, rendered by the server", async ({ page }) => {
  await signInAs(page, "officer");
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/queue");
  expect(await backgroundIsDark(page), "system dark").toBe(true);
  await page.emulateMedia({ colorScheme: "light" });
  expect(await backgroundIsDark(page), "system light").toBe(false);

  // Dark, from the user menu (keyboard and screen reader: a button that says it is expanded, radios)
  const menu = page.getByRole("button", { name: /Olga/ });
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  const theme = page.getByRole("group", { name: "Theme" });
  // the radios are drawn as their labels: a click on the label, as a user does
  await theme.getByText("Dark", { exact: true }).click();
  await expect(theme.getByRole("radio", { name: "Dark" })).toBeChecked();
  expect(await backgroundIsDark(page), "chosen dark, system light").toBe(true);
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();

  // remembered: the server's HTML already carries it (no flash of the light theme)
  const html = await (await page.request.get("/queue")).text();
  expect(html).toMatch(/<html[^>]* class="dark"/);
  await page.reload();
  expect(await backgroundIsDark(page), "after a reload").toBe(true);
  await menu.click();
  await expect(page.getByRole("group", { name: "Theme" }).getByRole("radio", { name: "Dark" })).toBeChecked();

  // Light holds against a dark system; System gives the system's back
  await page.emulateMedia({ colorScheme: "dark" });
  await page.getByRole("group", { name: "Theme" }).getByText("Light", { exact: true }).click();
  expect(await backgroundIsDark(page), "chosen light, system dark").toBe(false);
  await page.getByRole("group", { name: "Theme" }).getByText("System", { exact: true }).click();
  expect(await backgroundIsDark(page), "system again").toBe(true);
  expect(await (await page.request.get("/queue")).text()).not.toMatch(/<html[^>]* class="(dark|light)"/);
});

test("[THEME] the sign-in page, the queue and the AML queue pass axe in both themes", async ({ page }) => {
  await page.goto("/login");
  await expectNoSeriousAxeViolations(page);
  await signInAs(page, "officer");
  await page.goto("/queue");
  await expect(page.getByTestId("queue-row").first()).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.context().clearCookies();
  await signInAs(page, "compliance");
  for (const path of ["/aml", "/aml/dashboard"]) {
    await page.goto(path);
    await expectNoSeriousAxeViolations(page);
  }
});
