import { hash } from "@node-rs/argon2";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { signInAs } from "../fixtures";

// The role and the disabled flag are read from the database on every request, so an admin's
// change takes effect at once, not when the session token expires.
test("a changed role and a disabled user take effect on the next request", async ({ page }) => {
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  const username = `temp-${Date.now().toString(36)}`;
  try {
    await db.query(
      `INSERT INTO users (id, username, display_name, role, password_hash, updated_at)
       VALUES (gen_random_uuid(), $1, 'Temporary Officer', 'officer', $2, now())`,
      [username, await hash("temp-password-2026")],
    );
    await page.goto("/login");
    await page.getByLabel("Username").fill(username);
    await page.getByLabel("Password").fill("temp-password-2026");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/queue/);

    await db.query(`UPDATE users SET role = 'admin' WHERE username = $1`, [username]);
    const refused = await page.goto("/queue");
    expect(refused?.status()).toBe(403);
    await expect(page.getByRole("navigation", { name: "Main navigation" }).getByRole("link")).toHaveText(["Users", "Product codes", "Integrations", "API keys", "Audit log", "Settings"]);

    await db.query(`UPDATE users SET disabled = true WHERE username = $1`, [username]);
    await page.goto("/admin/users");
    await expect(page).toHaveURL(/\/login/);
    const api = await page.request.get("/api/queue");
    expect(api.status()).toBe(401);
  } finally {
    await db.end();
  }
});

// JWTs cannot be recalled, so each session carries the user's session epoch: an admin's password
// reset raises it, and whoever held the account's session (perhaps why it was reset) is out.
test("[ADMIN] a password reset signs the user out of every session at once", async ({ page, browser }) => {
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  const username = `reset-${Date.now().toString(36)}`;
  const admin = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  try {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO users (id, username, display_name, role, password_hash, updated_at)
       VALUES (gen_random_uuid(), $1, 'Reset Officer', 'officer', $2, now()) RETURNING id`,
      [username, await hash("reset-password-2026")],
    );
    const csrf = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const signIn = await page.request.post("/api/auth/callback/credentials", { form: { username, password: "reset-password-2026", csrfToken: csrf.csrfToken, json: "true" } });
    expect(signIn.ok()).toBeTruthy();
    expect((await page.request.get("/api/queue")).status()).toBe(200);

    const adminPage = await admin.newPage();
    await signInAs(adminPage, "admin");
    await adminPage.goto(`/admin/users/${rows[0]!.id}`);
    await adminPage.getByRole("button", { name: "Reset password" }).click();
    await expect(adminPage.getByText("Temporary password, shown only now")).toBeVisible();

    expect((await page.request.get("/api/queue")).status()).toBe(401);
    await page.goto("/queue");
    await expect(page).toHaveURL(/\/login/);
  } finally {
    await admin.close();
    await db.end();
  }
});
