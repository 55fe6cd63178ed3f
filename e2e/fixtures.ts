import { expect, test, type Browser, type BrowserContext, type Cookie, type Page } from "@playwright/test";

export const DEMO = {
  officer: { username: "officer", password: "officer-demo-2026" },
  officer2: { username: "officer2", password: "officer-demo-2026" },
  /** An officer of branches 04–06 (the others work 01–03). */
  officer3: { username: "officer3", password: "officer-demo-2026" },
  compliance: { username: "compliance", password: "compliance-demo-2026" },
  admin: { username: "admin", password: "admin-demo-2026" },
} as const;

export type TDemoRole = keyof typeof DEMO;

/** Signs in through next-auth's credentials endpoint (not the form), as STYLE.md asks. */
export async function signInAs(page: Page, role: TDemoRole) {
  const { username, password } = DEMO[role];
  const csrf = await page.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { username, password, csrfToken, json: "true" },
  });
  expect(response.ok()).toBeTruthy();
  const session = await page.request.get("/api/auth/session");
  expect(((await session.json()) as { userId?: string }).userId).toBeTruthy();
}

/** The session cookie as it is now, to be replayed from another browser later. */
export async function copySessionCookie(context: BrowserContext): Promise<Cookie> {
  const cookie = (await context.cookies()).find((candidate) => candidate.name.endsWith("next-auth.session-token"));
  expect(cookie).toBeTruthy();
  return cookie!;
}

/** What an API call answers to a copied session cookie sent from a fresh browser (200, or 401 once the session ended). */
export async function replayedStatus(browser: Browser, cookie: Cookie): Promise<number> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  try {
    await context.addCookies([cookie]);
    return (await context.request.get("/api/queue")).status();
  } finally {
    await context.close();
  }
}
