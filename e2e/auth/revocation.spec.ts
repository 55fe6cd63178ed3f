import { hash } from "@node-rs/argon2";
import { expect, test, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import pg from "pg";
import { copySessionCookie, replayedStatus, signInAs } from "../fixtures";

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
    await expect(page.getByRole("navigation", { name: "Main navigation" }).getByRole("link")).toHaveText(["Users", "Product codes", "Integrations", "API keys", "Audit log", "Settings", "Desk dashboard"]);

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

// A session ends on the server, not just in the browser: a copy of the cookie taken before
// (another tab, a stolen copy) is refused afterwards.
async function newOfficer(password: string): Promise<{ id: string; username: string }> {
  const username = `revoke-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO users (id, username, display_name, role, password_hash, updated_at)
       VALUES (gen_random_uuid(), $1, 'Revocation Officer', 'officer', $2, now()) RETURNING id`,
      [username, await hash(password)],
    );
    return { id: rows[0]!.id, username };
  } finally {
    await db.end();
  }
}

async function signInByApi(page: Page, username: string, password: string): Promise<void> {
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await page.request.post("/api/auth/callback/credentials", { form: { username, password, csrfToken, json: "true" } });
  expect((await page.request.get("/api/queue")).status()).toBe(200);
}

async function roleOf(userId: string): Promise<string> {
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    return (await db.query<{ role: string }>("SELECT role FROM users WHERE id = $1", [userId])).rows[0]!.role;
  } finally {
    await db.end();
  }
}


test("signing out ends the session: the cookie replayed afterwards is refused", async ({ page, browser }) => {
  const user = await newOfficer("signout-password-2026");
  await signInByApi(page, user.username, "signout-password-2026");
  const copied = await copySessionCookie(page.context());
  await page.goto("/queue");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  expect(await replayedStatus(browser, copied)).toBe(401);
});

test("a password change ends the sessions signed in before; the user carries on in a new one", async ({ page, browser }) => {
  const user = await newOfficer("change-password-2026");
  await signInByApi(page, user.username, "change-password-2026");
  const copied = await copySessionCookie(page.context());
  await page.goto("/account/password");
  await page.getByLabel("Current password").fill("change-password-2026");
  await page.getByLabel("New password", { exact: true }).fill("a-brand-new-passphrase-2026");
  await page.getByLabel("New password again").fill("a-brand-new-passphrase-2026");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/queue/);
  expect(await replayedStatus(browser, copied)).toBe(401);
  expect((await page.request.get("/api/queue")).status()).toBe(200);
});

test("enabling two-factor ends the sessions signed in before; the user carries on in a new one", async ({ page, browser }) => {
  const user = await newOfficer("totp-password-2026");
  await signInByApi(page, user.username, "totp-password-2026");
  const copied = await copySessionCookie(page.context());
  await page.goto("/account/totp");
  await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
  const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s+/g, "");
  await page.getByLabel("Code from the app").fill(TOTP.generate({ secret: Secret.fromBase32(secret) }));
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByText("Two-factor authentication is on.")).toBeVisible();
  await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  expect(await replayedStatus(browser, copied)).toBe(401);
  await page.getByRole("button", { name: "I have saved them: continue" }).click();
  await expect(page).toHaveURL(/\/queue/);
  expect((await page.request.get("/api/queue")).status()).toBe(200);
});

test("[ADMIN] a role change ends the user's sessions", async ({ page, browser }) => {
  const user = await newOfficer("role-password-2026");
  await signInByApi(page, user.username, "role-password-2026");
  const copied = await copySessionCookie(page.context());
  const admin = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  try {
    const adminPage = await admin.newPage();
    await signInAs(adminPage, "admin");
    await adminPage.goto(`/admin/users/${user.id}`);
    await adminPage.getByRole("combobox", { name: "Role" }).selectOption("compliance");
    await adminPage.getByRole("button", { name: "Change role" }).click();
    await expect.poll(() => roleOf(user.id)).toBe("compliance");
    expect(await replayedStatus(browser, copied)).toBe(401);
    expect((await page.request.get("/api/queue")).status()).toBe(401);
  } finally {
    await admin.close();
  }
});
