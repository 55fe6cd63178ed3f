import { expect, type Page } from "@playwright/test";

export const DEMO = {
  officer: { username: "officer", password: "officer-demo-2026" },
  officer2: { username: "officer2", password: "officer-demo-2026" },
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
