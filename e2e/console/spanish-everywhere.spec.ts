import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import en from "../../messages/en.json";
import es from "../../messages/es.json";
import { FIELD_TABLE, SECTIONS } from "../../lib/enrollment/field-table";
import { query, pushedToAml } from "../aml/aml-fixtures";
import { signInAs, type TDemoRole } from "../fixtures";
import { intakeFixture } from "../push/helpers";

// Issue 15.8: nothing English is left in the Spanish interface. Every page of every role is walked
// in Spanish and its visible words are compared with the words only English uses here: those of
// messages/en.json and the field table's English labels that no Spanish message or label uses,
// plus English function words. What people typed or the core sent is not the interface: text
// marked translate="no" (names, values, codes), code (pre, code, monospace) and the seed's own data
// are left out.

type TTree = { [key: string]: string | TTree };
const leaves = (node: TTree): string[] => Object.values(node).flatMap((value) => (typeof value === "string" ? [value] : leaves(value)));

/** The words of a message, its ICU syntax (placeholders, plural and select keywords) left out. */
function messageWords(message: string): string[] {
  const text = message
    .replace(/\{\s*\w+\s*,\s*(plural|select|selectordinal)\s*,/g, " ")
    .replace(/\b(zero|one|two|few|many|other|=\d+)\s*\{/g, " ")
    .replace(/\{\s*\w+\s*(,\s*\w+\s*)?\}/g, " ")
    .replace(/[{}#]/g, " ");
  return words(text);
}

const words = (text: string): string[] => (text.match(/\p{L}+/gu) ?? []).map((word) => word.toLowerCase());

// English words short or common enough to be missed by the messages' difference, that no Spanish text has.
const FUNCTION_WORDS = ["the", "of", "to", "and", "is", "are", "was", "with", "from", "for", "by", "this", "that", "not", "none", "yes", "your", "you", "will", "has", "have", "been", "which", "when", "where", "who", "what", "there", "their", "it", "its", "on", "at", "or", "an", "be", "can", "may", "must", "all", "any", "than", "then", "into", "over", "after", "before", "until", "since", "per", "each", "every", "only", "also", "here", "more", "less", "new", "old", "show", "hide", "see", "open", "close", "back", "next", "previous", "page", "loading", "saving", "saved", "save", "cancel", "retry", "error", "failed", "unknown", "required", "ago", "today", "yesterday", "just", "now", "seconds", "minutes", "hours", "days"];

/** Words that are not English here: names and brands the interface uses in both languages, and the seed's data. */
const NOT_ENGLISH = new Set([
  ...["amlyze", "wisenroll", "core", "iban", "swift", "aba", "pep", "rpep", "csv", "json", "api", "sso", "totp", "ip", "id", "http", "https", "url", "ok", "email"],
  // the demo users' names
  ...words("Olga Officer Oscar Officer Carla Compliance Adam Admin"),
  // product code descriptions the seed wrote in English (an admin's data)
  ...words("Savings account Current account Term deposit"),
  // the seed examples' values (names, addresses, employers)
  ...fs.readdirSync("fixtures/enrollments").flatMap((file) => {
    const collect = (value: unknown): string[] =>
      typeof value === "string" ? words(value) : Array.isArray(value) ? value.flatMap(collect) : value && typeof value === "object" ? Object.values(value).flatMap(collect) : [];
    return collect(JSON.parse(fs.readFileSync(`fixtures/enrollments/${file}`, "utf8")));
  }),
]);

const spanishWords = new Set([...leaves(es as TTree).flatMap(messageWords), ...[...FIELD_TABLE, ...SECTIONS].flatMap((row) => [...words(row.label.es), ...words(row.description.es)])]);
const ENGLISH_ONLY = new Set(
  [...leaves(en as TTree).flatMap(messageWords), ...[...FIELD_TABLE, ...SECTIONS].flatMap((row) => words(row.label.en)), ...FUNCTION_WORDS].filter(
    (word) => word.length > 1 && !spanishWords.has(word) && !NOT_ENGLISH.has(word),
  ),
);

/** What a person reads on the page: visible text, placeholders, accessible names and options; code and data left out. */
async function readableText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const skip = 'pre, code, script, style, [translate="no"], .font-mono, [data-data]';
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest(skip)) continue;
      // options are read when their select opens
      if (!parent.closest("option, select") && !parent.checkVisibility({ visibilityProperty: true })) continue;
      const text = node.textContent?.trim();
      if (text) texts.push(text);
    }
    for (const element of document.querySelectorAll<HTMLElement>("[placeholder], [aria-label], [title], [alt]")) {
      if (element.closest(skip)) continue;
      for (const name of ["placeholder", "aria-label", "title", "alt"]) {
        const value = element.getAttribute(name);
        if (value) texts.push(value);
      }
    }
    return texts;
  });
}

/** The English words of the page, each with the text it was found in. */
async function englishOn(page: Page): Promise<string[]> {
  const found = new Set<string>();
  for (const text of await readableText(page)) {
    for (const word of text.match(/\p{L}+/gu) ?? []) {
      // all capitals: a code or a name as the core writes it (USD, PEP, MARTINEZ)
      if (word.length > 1 && word === word.toUpperCase()) continue;
      if (ENGLISH_ONLY.has(word.toLowerCase())) found.add(`${word} ← “${text.slice(0, 80)}”`);
    }
  }
  return [...found];
}

async function signInInSpanish(page: Page, role: TDemoRole) {
  await page.context().clearCookies();
  await page.context().addCookies([{ name: "console_locale", value: "es", url: test.info().project.use.baseURL! }]);
  await signInAs(page, role);
}

async function expectSpanish(page: Page, path: string, problems: string[]) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  problems.push(...(await englishOn(page)).map((finding) => `${path}: ${finding}`));
}

test("[ALL ROLES] every page reads in Spanish: no English word left", async ({ page }) => {
  test.setTimeout(240_000);
  // an enrollment pushed to the core and to AMLYZE, with an edit in its history
  const customer = await pushedToAml(page, { lastName: "ESPANOL" });
  const [submission] = await query<{ customer_ext_id: string }>("SELECT customer_ext_id FROM aml_submissions WHERE enrollment_id = $1", [customer.enrollmentId]);
  const customerExtId = submission!.customer_ext_id;
  const [product] = await query<{ code: string }>("SELECT code FROM product_codes ORDER BY code LIMIT 1", []);
  const problems: string[] = [];

  await page.goto("/login");
  await page.context().addCookies([{ name: "console_locale", value: "es", url: test.info().project.use.baseURL! }]);
  await expectSpanish(page, "/login", problems);

  await signInInSpanish(page, "officer");
  await page.goto(`/enrollments/${customer.enrollmentId}`);
  for (const path of ["/queue", `/enrollments/${customer.enrollmentId}`, "/desk", "/account/password", "/account/totp", "/no-such-page"]) await expectSpanish(page, path, problems);

  await signInInSpanish(page, "compliance");
  await expect(async () => {
    await page.goto(`/aml/customers/${customerExtId}`);
    await expect(page.getByTestId("aml-timeline")).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  for (const path of ["/queue", "/aml", "/aml/dashboard", `/aml/customers/${customerExtId}`, `/aml/customers/${customerExtId}/print`, `/enrollments/${customer.enrollmentId}`]) {
    await expectSpanish(page, path, problems);
  }

  await signInInSpanish(page, "admin");
  const [admin] = await query<{ id: string }>("SELECT id FROM users WHERE username = 'admin'", []);
  for (const path of ["/admin/users", "/admin/users/new", `/admin/users/${admin!.id}`, "/admin/products", `/admin/products/${product!.code}`, "/admin/integrations", "/admin/keys", "/admin/audit", "/admin/settings"]) {
    await expectSpanish(page, path, problems);
  }
  expect(problems).toEqual([]);
});

test("[OFFICER] currencies are named in Spanish, as countries are", async ({ page }) => {
  const fixture = await intakeFixture(page.request);
  await signInInSpanish(page, "officer");
  await page.goto(`/enrollments/${fixture.id}`);
  const currency = page.locator("section#client_job_info").getByRole("combobox", { name: "Moneda", exact: true });
  await expect(currency.locator('option[value="USD"]')).toHaveText(/dólar estadounidense/i);
  await expect(currency.locator('option[value="EUR"]')).toHaveText(/euro/i);
  const country = page.locator("section#client_job_info").getByRole("combobox", { name: "País de la empresa", exact: true });
  await expect(country.locator('option[value="US"]')).toHaveText(/Estados Unidos/);
});
