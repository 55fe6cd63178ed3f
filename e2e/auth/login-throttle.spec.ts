import { hash } from "@node-rs/argon2";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { randomCode, withDb } from "../admin/helpers";

const PASSWORD = "throttle-password-2026";

/** One sign-in through next-auth's credentials endpoint; true when it opened a session. */
async function signIn(request: APIRequestContext, username: string, password: string, forwardedFor: string): Promise<boolean> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await request.post("/api/auth/callback/credentials", { form: { username, password, csrfToken, json: "true" }, headers: { "X-Forwarded-For": forwardedFor } });
  const session = (await (await request.get("/api/auth/session")).json()) as { userId?: string };
  return Boolean(session.userId);
}

const forgedAddress = (i: number) => `198.51.${Math.floor(i / 250)}.${(i % 250) + 1}`;

// Nothing here is a configured proxy, so X-Forwarded-For is the caller's own claim: a new address
// per guess must not buy a fresh count, and the right password afterwards is refused too.
test("40 wrong passwords with a new forged address each are throttled", async ({ playwright }) => {
  const username = `throttle-${randomCode(8).toLowerCase()}`;
  await withDb((db) =>
    hash(PASSWORD).then((passwordHash) =>
      db.query(`INSERT INTO users (id, username, display_name, role, password_hash, updated_at) VALUES (gen_random_uuid(), $1, 'Throttle Officer', 'officer', $2, now())`, [username, passwordHash]),
    ),
  );
  const request = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  try {
    for (let i = 0; i < 40; i += 1) expect(await signIn(request, username, `wrong-${i}`, forgedAddress(i))).toBe(false);
    expect(await signIn(request, username, PASSWORD, forgedAddress(40))).toBe(false);
    const actions = await withDb(async (db) => (await db.query<{ action: string }>("SELECT action FROM audit_events WHERE actor_label = $1 ORDER BY id", [username])).rows.map((row) => row.action));
    expect(actions.filter((action) => action === "login.failed").length).toBeLessThan(40);
    expect(actions).not.toContain("login.succeeded");
  } finally {
    await request.dispose();
  }
});
