import { expect, test } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { withDb } from "../admin/helpers";

/** The development AUTH_SECRET the repository used to carry (lib/auth/dev-secret.ts, removed). */
const OLD_DEVELOPMENT_SECRET = "development-only-secret-change-me-0123456789";

// Anyone could read that secret in the repository's history; a console must never accept a token
// sealed with it, or knowing an admin's id would be enough to be that admin.
test("a session token encoded with the old development secret is refused", async ({ browser }) => {
  const admin = await withDb(async (db) => (await db.query<{ id: string; session_epoch: number }>("SELECT id, session_epoch FROM users WHERE username = 'admin'")).rows[0]!);
  const token = await encode({ token: { sub: admin.id, name: "Forged Admin", epoch: admin.session_epoch }, secret: OLD_DEVELOPMENT_SECRET, maxAge: 3600 });
  const baseURL = test.info().project.use.baseURL!;
  const context = await browser.newContext({ baseURL });
  try {
    await context.addCookies([{ name: "next-auth.session-token", value: token, url: baseURL, httpOnly: true, sameSite: "Lax" }]);
    const page = await context.newPage();
    expect((await page.request.get("/api/queue")).status()).toBe(401);
    await page.goto("/admin/users");
    await expect(page).toHaveURL(/\/login/);
  } finally {
    await context.close();
  }
});
