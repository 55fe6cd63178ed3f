import { expect, test, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { signInAs } from "../fixtures";
import { randomCode, withDb } from "./helpers";

const codeAt = (secret: string, timestamp: number) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp });

async function signInWithForm(page: Page, username: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("[ADMIN] requires two-factor for everyone; a new user changes the temporary password, enrols from the QR key and signs in with a code", async ({ page, browser }) => {
  const username = `e2e-${randomCode(6).toLowerCase()}`;
  const temporary = `temporary-${randomCode(8)}`;
  const chosen = `my-own-passphrase-${randomCode(6)}`;
  try {
    // The admin creates the user with a temporary password, then requires a second factor.
    await signInAs(page, "admin");
    await page.goto("/admin/users/new");
    await page.getByLabel("Username").fill(username);
    await page.getByLabel("Name", { exact: true }).fill("Tina Two-Factor");
    await page.getByLabel("Role").selectOption("officer");
    await page.getByLabel("Temporary password").fill(temporary);
    await page.getByRole("button", { name: "Create user" }).click();
    await expect(page.getByRole("status").filter({ hasText: `User ${username} created.` })).toBeVisible();

    await page.goto("/admin/settings");
    const policy = page.getByRole("region", { name: "Two-factor authentication for everyone" });
    await expect(policy.getByText("You have no second factor yet")).toBeVisible();
    await policy.getByLabel("Required").check();
    await policy.getByRole("button", { name: "Save" }).click();
    // It applies to the admin too, at once: without a second factor there is nowhere else to go.
    await expect(page).toHaveURL(/\/account\/totp$/);
    await page.goto("/admin/users");
    await expect(page).toHaveURL(/\/account\/totp$/);

    // The new user: the temporary password must go first, then the second factor.
    const user = await (await browser.newContext()).newPage();
    await signInWithForm(user, username, temporary);
    await expect(user).toHaveURL(/\/account\/password$/);
    await expect(user.getByText("An administrator set a temporary password for you.")).toBeVisible();
    await user.goto("/queue");
    await expect(user).toHaveURL(/\/account\/password$/);
    await user.getByLabel("Current password").fill(temporary);
    await user.getByLabel("New password", { exact: true }).fill(chosen);
    await user.getByLabel("New password again").fill(chosen);
    await user.getByRole("button", { name: "Change password" }).click();
    await expect(user).toHaveURL(/\/account\/totp$/);
    await expect(user.getByText("An administrator requires two-factor authentication.")).toBeVisible();
    await user.goto("/queue");
    await expect(user).toHaveURL(/\/account\/totp$/);

    await user.getByRole("button", { name: "Set up two-factor authentication" }).click();
    await expect(user.getByRole("img", { name: "QR code to add this console to your authenticator app" })).toBeVisible();
    const secret = ((await user.getByTestId("totp-secret").textContent()) ?? "").replace(/\s+/g, "");
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const enrolledAt = Date.now();
    await user.getByLabel("Code from the app").fill(codeAt(secret, enrolledAt));
    await user.getByRole("button", { name: "Confirm" }).click();
    await expect(user.getByText("Two-factor authentication is on.")).toBeVisible();
    await expect(user.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
    await user.getByRole("button", { name: "I have saved them: continue" }).click();
    await expect(user).toHaveURL(/\/queue/);

    // Stored sealed, not the key the app shows.
    const stored = await withDb(async (db) => (await db.query<{ totp_secret: string }>("SELECT totp_secret FROM users WHERE username = $1", [username])).rows[0]!);
    expect(stored.totp_secret).toMatch(/^v\d+:/);
    expect(stored.totp_secret).not.toContain(secret);

    // Signing in again: the password, then the code; a wrong code is refused.
    await user.getByRole("button", { name: "Sign out" }).click();
    await expect(user).toHaveURL(/\/login/);
    await signInWithForm(user, username, chosen);
    const code = user.getByLabel("Authentication code");
    await expect(code).toBeVisible();
    const wrong = codeAt(secret, enrolledAt) === "000000" ? "111111" : "000000";
    await code.fill(wrong);
    await user.getByRole("button", { name: "Sign in" }).click();
    await expect(user.getByRole("alert").filter({ hasText: "Wrong code" })).toBeVisible();
    // the enrolment code was used up: the next time step's code signs in
    await code.fill(codeAt(secret, enrolledAt + 30_000));
    await user.getByRole("button", { name: "Sign in" }).click();
    await expect(user).toHaveURL(/\/queue/);

    const audit = await withDb(async (db) =>
      (await db.query<{ action: string }>("SELECT action FROM audit_events WHERE actor_label = $1 ORDER BY id", [username])).rows.map((row) => row.action),
    );
    expect(audit).toEqual(["login.succeeded", "user.password_changed", "user.totp_enrolled", "login.failed", "login.succeeded"]);
  } finally {
    // Other tests sign in as demo users without a second factor.
    await withDb((db) => db.query("DELETE FROM integration_settings WHERE key = 'auth.require_totp'"));
  }
});
