import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "../fixtures";

const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

async function speakSpanish(page: Page) {
  await page.context().addCookies([{ name: "console_locale", value: "es", url: test.info().project.use.baseURL! }]);
}

/** The console's 404: its words, one <main>, and the link back. */
async function expectNotFound(page: Page, path: string, text: { title: string; link: string; href: string }) {
  const response = await page.goto(path);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: text.title })).toBeVisible();
  await expect(page.locator("main")).toHaveCount(1);
  await expect(page.getByRole("link", { name: text.link })).toHaveAttribute("href", text.href);
}

test("[404] an unknown address, signed out, in English and Spanish: the console's page and a way to sign in", async ({ page }) => {
  await expectNotFound(page, "/no-such-page", { title: "Page not found", link: "Go to sign-in", href: "/login" });
  await speakSpanish(page);
  await expectNotFound(page, "/no-such-page", { title: "Página no encontrada", link: "Ir al inicio de sesión", href: "/login" });
  await page.getByRole("link", { name: "Ir al inicio de sesión" }).click();
  await expect(page).toHaveURL(/\/login$/);
});

test("[404] each role is sent back to where it starts, in the console's frame", async ({ page }) => {
  await signInAs(page, "officer");
  await expectNotFound(page, "/no-such-page", { title: "Page not found", link: "Go to Queue", href: "/queue" });
  await expect(page.getByTestId("current-user")).toBeVisible();
  await expectNotFound(page, `/enrollments/${UNKNOWN_ID}`, { title: "Page not found", link: "Go to Queue", href: "/queue" });
  await page.getByRole("link", { name: "Go to Queue" }).click();
  await expect(page).toHaveURL(/\/queue$/);

  await page.context().clearCookies();
  await speakSpanish(page);
  await signInAs(page, "admin");
  await expectNotFound(page, `/admin/users/${UNKNOWN_ID}`, { title: "Página no encontrada", link: "Ir a Usuarios", href: "/admin/users" });
  await expectNotFound(page, "/no-such-page", { title: "Página no encontrada", link: "Ir a Usuarios", href: "/admin/users" });

  await page.context().clearCookies();
  await signInAs(page, "compliance");
  await expectNotFound(page, "/aml/customers/no-such-customer", { title: "Page not found", link: "Go to Queue", href: "/queue" });
});
