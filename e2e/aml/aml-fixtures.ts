import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { expect, type Page } from "@playwright/test";
import pg from "pg";
import { INTAKE_KEY } from "../../playwright.config";

const random = (length: number) => Array.from({ length }, () => "ABCDEFGHJKLMNPQRSTUVWXYZ"[Math.floor(Math.random() * 24)]).join("");

export type TAmlCustomer = { enrollmentId: string; firstName: string; lastName: string; documentNumber: string };

/**
 * Posts seed example 1 under a unique first name (so a search finds exactly it) and its own main
 * document, then asks for its push: the worker creates the core customer and sends it to the
 * sandbox AMLYZE, whose webhooks come back to this console.
 */
export async function pushedToAml(page: Page, names: { firstName?: string; lastName: string }): Promise<TAmlCustomer> {
  const body = JSON.parse(fs.readFileSync("fixtures/enrollments/seed-example-1.json", "utf8"));
  const firstName = names.firstName ?? `E2E${random(6)}`;
  body.client_info.first_name = firstName;
  body.client_info.middle_name = null;
  body.client_info.last_name = names.lastName;
  body.client_info.middle_last_name = null;
  body.client_info.wisenroll_code = random(6);
  const main = body.client_documents.find((d: { main: number }) => d.main === 1);
  main.document_number = `D${Date.now()}${random(3)}`;
  const response = await page.request.post("/api/v1/enrollments", { headers: { Authorization: `Bearer ${INTAKE_KEY}` }, data: body });
  expect(response.status()).toBe(201);
  const { id, issues } = (await response.json()) as { id: string; issues: number };
  expect(issues).toBe(0);
  execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "e2e/support/request-push.ts", id], {
    env: { ...process.env, LOG_LEVEL: "silent" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return { enrollmentId: id, firstName, lastName: names.lastName, documentNumber: main.document_number };
}

/** Reads the database the e2e console uses (with-db sets DATABASE_URL), to assert beyond the screen. */
export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<T[]> {
  const url = process.env.DATABASE_URL;
  if (!url || !["127.0.0.1", "localhost", "::1", "[::1]"].includes(new URL(url).hostname)) throw new Error("e2e reads only a local database");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Searches the AML queue through its form: the text is posted for a token, never put in the URL. */
export async function searchAml(page: Page, text: string): Promise<void> {
  await page.goto("/aml");
  await page.getByRole("searchbox").fill(text);
  await page.getByRole("button", { name: "Apply" }).click();
  await page.waitForURL(/[?&]qt=/);
}
