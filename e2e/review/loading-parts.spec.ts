// Issue 15.2: a part of the page whose code loads on demand shows what is coming while it loads,
// never an empty box (the push card and the pipeline card were blank until their code arrived).
import { expect, test } from "@playwright/test";
import { signInAs } from "../fixtures";
import { intakeFixture, pushSection, searchQueue } from "../push/helpers";

test("[OFFICER] a part whose code is still loading says what is coming, then shows it", async ({ page }) => {
  const fixture = await intakeFixture(page.request);
  await signInAs(page, "officer");
  await searchQueue(page, fixture.code);
  // From here on, every script arrives late (a slow network): the enrollment page's lazy parts wait.
  await page.route("**/_next/static/chunks/**", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    await route.continue();
  });
  await page.getByTestId("queue-row").filter({ hasText: fixture.code }).getByRole("link").first().click();
  const loading = page.locator('[data-testid="skeleton"][data-part="pushForm"]');
  await expect(loading).toBeVisible({ timeout: 20_000 });
  await expect(loading).toHaveAttribute("role", "status");
  await expect(loading).toContainText("Loading the push form…");
  await expect(pushSection(page).getByRole("button", { name: "Push to core" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("skeleton")).toHaveCount(0);
});
