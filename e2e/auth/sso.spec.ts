// Single sign-on end to end against a real OpenID Connect provider started on loopback
// (e2e/support/test-idp.mjs, panva's oidc-provider): an admin configures it in Admin → Settings,
// mapped people get in with their mapped role, unmapped people are turned away with nothing
// created, SSO sessions end like any other (sign-out, mapping change, role change), and with
// password sign-in switched off the form is gone and a password POST gets no session.
import { expect, test, type Page } from "@playwright/test";
import { withDb } from "../admin/helpers";
import { copySessionCookie, DEMO, replayedStatus, signInAs } from "../fixtures";
import { TEST_IDP } from "../../playwright.config";

test.describe.configure({ mode: "serial" });

const RUN = Date.now().toString(36);
const IDP_NAME = "Bank IdP";


/** Leaves the database as other specs expect it: no SSO settings, no mappings, passwords on. */
async function resetSso(): Promise<void> {
  await withDb(async (db) => {
    await db.query("DELETE FROM integration_settings WHERE key LIKE 'sso.%' OR key = 'auth.local_login'");
    await db.query("DELETE FROM sso_group_roles");
  });
}

test.beforeAll(resetSso);
test.afterAll(resetSso);

/** Signs in at the test IdP's development login and consent pages, starting from the console's login page. */
async function signInWithIdp(page: Page, login: string): Promise<void> {
  await page.goto("/login");
  await page.getByRole("button", { name: `Sign in with ${IDP_NAME}` }).click();
  await page.waitForURL(new RegExp(`^${TEST_IDP.issuer}/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any-password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}



const userRow = (username: string) =>
  withDb(async (db) => (await db.query<{ id: string; role: string; sso_subject: string | null }>("SELECT id, role, sso_subject FROM users WHERE username = $1", [username])).rows[0]);

async function saveMappings(page: Page, rows: Array<[string, string]>): Promise<void> {
  await page.goto("/admin/settings");
  const form = page.getByRole("form", { name: "Groups and roles" });
  while ((await form.getByRole("button", { name: "Remove" }).count()) > 0) await form.getByRole("button", { name: "Remove" }).first().click();
  for (const [index, [group, role]] of rows.entries()) {
    await form.getByRole("button", { name: "Add a group" }).click();
    await form.getByLabel(`Group (name or id, exactly as the provider sends it) ${index + 1}`).fill(group);
    await form.getByLabel(`Role ${index + 1}`).selectOption(role);
  }
  await form.getByRole("button", { name: "Save groups" }).click();
  await expect(form.getByRole("status")).toHaveText(/Saved|Nothing changed/);
}

test("[ADMIN] configures single sign-on: the secret is stored sealed, passwords stay on until it is tested", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/settings");
  const sso = page.getByRole("form", { name: "Single sign-on" });
  await sso.getByLabel("Name on the sign-in button").fill(IDP_NAME);
  await sso.getByLabel("Issuer URL").fill(TEST_IDP.issuer);
  await sso.getByLabel("Client ID").fill(TEST_IDP.clientId);
  await sso.getByLabel("Client secret").fill(TEST_IDP.clientSecret);
  await sso.getByLabel("Scopes").fill("openid profile email groups");
  await sso.getByRole("button", { name: "Save" }).click();
  await expect(sso.getByRole("status")).toHaveText("5 settings saved.");
  const stored = await withDb(async (db) => (await db.query<{ secret: string }>("SELECT secret FROM integration_settings WHERE key = 'sso.client_secret'")).rows[0]!.secret);
  expect(stored).toMatch(/^v\d+:/);
  expect(stored).not.toContain(TEST_IDP.clientSecret);

  // Not tested yet, no admin group: password sign-in cannot be switched off.
  const local = page.getByRole("radio", { name: "Single sign-on only" });
  await local.check();
  await local.locator("xpath=ancestor::form").getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Single sign-on must be configured, tested and have a group mapped to admin")).toBeVisible();

  await page.getByRole("button", { name: "Test", exact: true }).click();
  await expect(page.getByTestId("sso-test-result")).toHaveText(/The provider answers and names this issuer/);
  await saveMappings(page, [
    ["e2e-console-officers", "officer"],
    ["e2e-console-admins", "admin"],
  ]);
});

test("[SSO] a mapped person signs in and lands on the queue as an officer; signing out ends the session", async ({ page, browser }) => {
  const login = `officer-${RUN}`;
  await signInWithIdp(page, login);
  await expect(page).toHaveURL(/\/queue/);
  await expect(page.getByRole("navigation", { name: "Main navigation" }).getByRole("link")).toHaveText(["Queue"]);
  const user = await userRow(login);
  expect(user).toMatchObject({ role: "officer", sso_subject: login });
  const audit = await withDb(async (db) => (await db.query<{ details: unknown }>("SELECT details FROM audit_events WHERE actor_id = $1 AND action = 'login.succeeded'", [user!.id])).rows);
  expect(audit.map((row) => row.details)).toEqual([{ method: "sso", role: "officer" }]);

  const copied = await copySessionCookie(page.context());
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  expect(await replayedStatus(browser, copied)).toBe(401);
});

test("[SSO] an unmapped person is refused with a translated message and no user is created; a forged callback gets nobody in", async ({ page }) => {
  const login = `outsider-${RUN}`;
  await signInWithIdp(page, login);
  await expect(page).toHaveURL(/\/login\?error=sso_no_access/);
  await expect(page.getByRole("alert").filter({ hasText: "Your account has no access to the console" })).toBeVisible();
  expect(await userRow(login)).toBeUndefined();
  const refusals = await withDb(async (db) => (await db.query("SELECT 1 FROM audit_events WHERE actor_label = $1 AND action = 'login.sso_refused'", [login])).rowCount);
  expect(refusals).toBe(1);

  // A forged callback (no state, PKCE or nonce of ours) gets nobody in; it is named and audited.
  const failures = () => withDb(async (db) => Number((await db.query<{ n: string }>("SELECT count(*)::text AS n FROM audit_events WHERE action = 'login.sso_failed'")).rows[0]!.n));
  const before = await failures();
  await page.goto("/api/auth/callback/sso?code=forged&state=forged");
  await expect(page).toHaveURL(/\/login\?.*error=OAuthCallback/);
  await expect(page.getByRole("alert").filter({ hasText: "Single sign-on did not complete" })).toBeVisible();
  expect(((await (await page.request.get("/api/auth/session")).json()) as { userId?: string }).userId).toBeUndefined();
  await expect.poll(failures).toBeGreaterThan(before);
});

test("[ADMIN] a mapping change and a role change each end the SSO user's session", async ({ page, browser }) => {
  const login = `officer-m-${RUN}`;
  const person = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  try {
    const personPage = await person.newPage();
    await signInWithIdp(personPage, login);
    await expect(personPage).toHaveURL(/\/queue/);
    let copied = await copySessionCookie(person);

    await signInAs(page, "admin");
    await saveMappings(page, [
      ["e2e-console-officers", "compliance"],
      ["e2e-console-admins", "admin"],
    ]);
    expect(await replayedStatus(browser, copied)).toBe(401);

    // Signed in again (afresh at the provider too), the new mapping decides the role.
    await person.clearCookies();
    await signInWithIdp(personPage, login);
    await expect(personPage).toHaveURL(/\/queue/);
    expect((await userRow(login))?.role).toBe("compliance");
    copied = await copySessionCookie(person);
    expect(await replayedStatus(browser, copied)).toBe(200);

    await page.goto(`/admin/users/${(await userRow(login))!.id}`);
    await expect(page.getByText("Signs in through single sign-on")).toBeVisible();
    await page.getByRole("combobox", { name: "Role" }).selectOption("officer");
    await page.getByRole("button", { name: "Change role" }).click();
    await expect.poll(async () => (await userRow(login))?.role).toBe("officer");
    expect(await replayedStatus(browser, copied)).toBe(401);
  } finally {
    await person.close();
  }
});

test("[ADMIN] with password sign-in switched off the form is gone and a password POST is refused", async ({ page, browser }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/settings");
  await page.getByRole("button", { name: "Test", exact: true }).click();
  await expect(page.getByTestId("sso-test-result")).toHaveText(/The provider answers and names this issuer/);
  const local = page.getByRole("radio", { name: "Single sign-on only" });
  await local.check();
  await local.locator("xpath=ancestor::form").getByRole("button", { name: "Save" }).click();
  await expect(local.locator("xpath=ancestor::form").getByRole("status")).toHaveText("Saved.");

  const visitor = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  try {
    const visitorPage = await visitor.newPage();
    await visitorPage.goto("/login");
    await expect(visitorPage.getByRole("button", { name: `Sign in with ${IDP_NAME}` })).toBeVisible();
    await expect(visitorPage.getByLabel("Password")).toHaveCount(0);
    const { csrfToken } = (await (await visitor.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    await visitor.request.post("/api/auth/callback/credentials", { form: { ...DEMO.officer, csrfToken, json: "true" } });
    const session = (await (await visitor.request.get("/api/auth/session")).json()) as { userId?: string };
    expect(session.userId).toBeUndefined();
    expect((await visitor.request.get("/api/queue")).status()).toBe(401);

    // An admin still gets in, through the identity provider.
    await signInWithIdp(visitorPage, `admin-${RUN}`);
    await expect(visitorPage).toHaveURL(/\/admin\/users/);
  } finally {
    await visitor.close();
  }
});
