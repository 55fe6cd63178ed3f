import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { SANDBOX_CORE_URL } from "../../playwright.config";
import { signInAs, type TDemoRole } from "../fixtures";
import { productStep, pushFromDialog, pushSection } from "../push/helpers";

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const randomCode = (length: number) => Array.from({ length }, () => ALPHABET[Math.floor(Math.random() * ALPHABET.length)]).join("");

/** A page in a browser context of its own, signed in as a demo user (two people at once). */
export async function pageAs(browser: Browser, role: TDemoRole): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, role);
  return page;
}

/**
 * The officer's push of one product through the enrollment page's push form; resolves once the
 * pipeline shows the account the core opened.
 */
export async function officerPushes(page: Page, enrollmentId: string, productCode: string): Promise<void> {
  await page.goto(`/enrollments/${enrollmentId}`);
  await pushSection(page).getByRole("button", { name: "Add product" }).click();
  await pushSection(page).getByRole("combobox", { name: "Product code" }).selectOption(productCode);
  await pushFromDialog(page);
  await expect(productStep(page, productCode).getByTestId("account-created")).toHaveText(new RegExp(`^CREATE · ${productCode} · account \\d+$`), { timeout: 20_000 });
}

/** The product codes the officer's push form offers for a new product. */
export async function offeredProductCodes(page: Page, enrollmentId: string): Promise<string[]> {
  await page.goto(`/enrollments/${enrollmentId}`);
  await pushSection(page).getByRole("button", { name: "Add product" }).click();
  return pushSection(page)
    .getByRole("combobox", { name: "Product code" })
    .locator("option")
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
}

// POST /_sandbox/credentials: the core's side of a password rotation.
export async function setSandboxCoreCredentials(request: APIRequestContext, username: string, password: string) {
  const response = await request.post(`${SANDBOX_CORE_URL}/_sandbox/credentials`, { data: { username, password } });
  expect(response.status()).toBe(200);
}

/** The database the console uses, for what a test must check or undo behind the screen. */
export async function withDb<T>(work: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}
