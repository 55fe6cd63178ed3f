import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { INTAKE_KEY, SANDBOX_AMLYZE_URL, SANDBOX_CORE_URL } from "../../playwright.config";

export type TFixture = { id: string; code: string; documentNumber: string };

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const uniqueCode = () => Array.from({ length: 6 }, () => ALPHABET[Math.floor(Math.random() * ALPHABET.length)]).join("");
const uniqueDigits = (length: number) => Array.from({ length }, (_, i) => (i === 0 ? 1 + Math.floor(Math.random() * 9) : Math.floor(Math.random() * 10))).join("");

/** Unique letters, to give a fixture a name no other enrollment has. */
export const uniqueLetters = (length = 6) => Array.from({ length }, () => "ABCDEFGHJKLMNPQRSTUVWXYZ"[Math.floor(Math.random() * 24)]).join("");

/**
 * Posts seed example 1 (valid: no issues) with a unique wisenroll code and a unique main
 * document, since the sandbox core knows a customer by its main document; `lastName` replaces
 * the example's, so a search by name can find this one fixture; `sameDocumentAs` gives it another
 * fixture's main document instead (the same person to the core).
 */
export async function intakeFixture(request: APIRequestContext, requestedProducts?: unknown[], lastName?: string, sameDocumentAs?: TFixture): Promise<TFixture> {
  const body = JSON.parse(fs.readFileSync("fixtures/enrollments/seed-example-1.json", "utf8"));
  const code = uniqueCode();
  // another enrollment of the same person, when asked: their main document
  const documentNumber = sameDocumentAs?.documentNumber ?? uniqueDigits(9);
  body.client_info.wisenroll_code = code;
  if (lastName) body.client_info.last_name = lastName;
  const main = (body.client_documents as { main: number; document_number: string }[]).find((doc) => doc.main === 1)!;
  main.document_number = documentNumber;
  if (requestedProducts) body.requested_products = requestedProducts;
  const response = await request.post("/api/v1/enrollments", { headers: { Authorization: `Bearer ${INTAKE_KEY}` }, data: body });
  expect(response.status()).toBe(201);
  const created = (await response.json()) as { id: string; issues: number };
  expect(created.issues).toBe(0);
  return { id: created.id, code, documentNumber };
}

/** What the onboarding app's outcome API says (GET /api/v1/enrollments/{id}): the data, not the screen. */
export async function outcomeOf(request: APIRequestContext, id: string) {
  const response = await request.get(`/api/v1/enrollments/${id}`, { headers: { Authorization: `Bearer ${INTAKE_KEY}` } });
  expect(response.status()).toBe(200);
  return (await response.json()) as { status: string; customer_number: number | null; accounts: { account_product: string; account_number: string }[] };
}

// POST /_sandbox/faults
export async function setCoreFaults(request: APIRequestContext, faults: Record<string, unknown>) {
  const response = await request.post(`${SANDBOX_CORE_URL}/_sandbox/faults`, { data: faults });
  expect(response.status()).toBe(200);
}

// DELETE /_sandbox/faults
export async function clearCoreFaults(request: APIRequestContext) {
  await request.delete(`${SANDBOX_CORE_URL}/_sandbox/faults`);
}

// POST /_sandbox/amlyze/faults
export async function setAmlyzeFault(request: APIRequestContext, fault: Record<string, unknown>) {
  const response = await request.post(`${SANDBOX_AMLYZE_URL}/_sandbox/amlyze/faults`, { data: fault });
  expect(response.status()).toBe(200);
}

// DELETE /_sandbox/amlyze/faults
export async function clearAmlyzeFault(request: APIRequestContext) {
  await request.delete(`${SANDBOX_AMLYZE_URL}/_sandbox/amlyze/faults`);
}

type TLedger = {
  customers: { customerNumber: number; writes: number; mainDocument: { document_number: string } }[];
  accounts: { accountNumber: string; productCode: string; customerNumber: number; relatedCustomerNumbers: number[] }[];
};

/** The sandbox core's own record of one customer (by main document) and the accounts it holds. */
export async function coreRecordOf(request: APIRequestContext, documentNumber: string) {
  const response = await request.get(`${SANDBOX_CORE_URL}/_sandbox/ledger`);
  const ledger = (await response.json()) as TLedger;
  const customer = ledger.customers.find((c) => c.mainDocument.document_number === documentNumber) ?? null;
  const accounts = customer ? ledger.accounts.filter((a) => a.customerNumber === customer.customerNumber) : [];
  return { customer, accounts };
}

/** The sandbox core's own record of one account, with the related customers it was opened with. */
export async function coreAccountOf(request: APIRequestContext, accountNumber: string) {
  const response = await request.get(`${SANDBOX_CORE_URL}/_sandbox/ledger`);
  const ledger = (await response.json()) as TLedger;
  return ledger.accounts.find((a) => a.accountNumber === accountNumber) ?? null;
}

export const pushSection = (page: Page) => page.locator("section#push");
export const pipeline = (page: Page) => page.getByTestId("pipeline");
export const productStep = (page: Page, code: string) => pipeline(page).getByTestId("pipeline-product").filter({ has: page.getByRole("heading", { name: new RegExp(`^${code} ·`) }) });
export const pushDialog = (page: Page) => page.getByRole("alertdialog", { name: "Push this enrollment to the core?" });

/**
 * Opens the confirmation, lets `check` look at it, and pushes. `update`: the core already has the
 * customer (a customer number is set), so the push is offered as "Push update" of that customer.
 */
export async function pushFromDialog(page: Page, check?: (dialog: Locator) => Promise<void>, options: { update?: boolean } = {}) {
  const action = options.update ? "Push update" : "Push to core";
  await pushSection(page).getByRole("button", { name: action }).click();
  const dialog = options.update ? page.getByRole("alertdialog", { name: /^Update customer \d+ in the core\?$/ }) : pushDialog(page);
  // the dialog's code loads on demand: allow for a slow first fetch
  await expect(dialog).toBeVisible({ timeout: 10_000 });
  // focus starts inside the dialog (on Cancel, the safe choice)
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  if (check) await check(dialog);
  await dialog.getByRole("button", { name: action }).click();
  await expect(dialog).toBeHidden();
}

/** Opens the queue searched for one enrollment's code (an officer's desk lists the oldest first, so a new one may be pages away). */
export async function searchQueue(page: Page, code: string) {
  await page.goto("/queue");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Search").fill(code);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]qt=/);
}

/** Marks the document, so a test can tell that what it saw arrived without a reload. */
export async function markDocument(page: Page) {
  await page.evaluate(() => Object.assign(window, { e2eLoadedOnce: true }));
}

export async function expectNoReload(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { e2eLoadedOnce?: boolean }).e2eLoadedOnce)).toBe(true);
}

/**
 * axe-core finds no serious or critical violation on the page as it is, in the light theme and in
 * the dark one (the system's dark scheme, emulated; "System" is every browser's first theme).
 */
export async function expectNoSeriousAxeViolations(page: Page) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    // the buttons' colour transitions (150 ms) end before axe reads the colours
    await page.waitForTimeout(300);
    const results = await new AxeBuilder({ page }).analyze();
    const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(blocking.map((v) => `${colorScheme}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });
}
