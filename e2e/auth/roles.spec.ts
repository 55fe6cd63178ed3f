import { expect, test } from "@playwright/test";
import { DEMO, signInAs } from "../fixtures";

test("[OFFICER] signs in with the form and lands on the queue", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Username").fill(DEMO.officer.username);
  await page.getByLabel("Password").fill(DEMO.officer.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/queue/);
  await expect(page.getByRole("heading", { name: "Enrollment queue" })).toBeVisible();
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Username").fill("officer");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  // Next.js keeps an empty route announcer with role="alert" on every page.
  await expect(page.getByRole("alert").filter({ hasText: "Wrong username or password" })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

// The demo officer (Olga) leads her branches: the desk dashboard is hers too; an admin's covers every branch.
const EXPECTED_NAV = {
  officer: ["Queue", "Desk dashboard"],
  compliance: ["Queue", "AML", "AML dashboard"],
  admin: ["Users", "Product codes", "Integrations", "API keys", "Audit log", "Settings", "Desk dashboard"],
} as const;

for (const role of ["officer", "compliance", "admin"] as const) {
  test(`[${role.toUpperCase()}] sees only the navigation of the role`, async ({ page }) => {
    await signInAs(page, role);
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Main navigation" });
    await expect(nav.getByRole("link")).toHaveText([...EXPECTED_NAV[role]]);
  });
}

test("[OFFICER] is refused on an admin URL", async ({ page }) => {
  await signInAs(page, "officer");
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  await expect(page.getByText("Adam Admin")).toHaveCount(0);
});

test("[ADMIN] is refused on the queue", async ({ page }) => {
  await signInAs(page, "admin");
  const response = await page.goto("/queue");
  expect(response?.status()).toBe(403);
});

test("an anonymous visitor is sent to the login page", async ({ page }) => {
  await page.goto("/queue");
  await expect(page).toHaveURL(/\/login\?next=%2Fqueue/);
});
