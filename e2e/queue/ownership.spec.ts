// The desk: who owns each enrollment. Olga (officer, lead of 01–03) claims from the queue and
// finds it under "Mine"; as lead she assigns two to Oscar and releases them in bulk; Nora, an
// officer of branches 04–06, gets the not-found page for an enrollment of branch 01.
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { INTAKE_KEY } from "../../playwright.config";
import { signInAs } from "../fixtures";

/** A new enrollment of branch 01 through the intake API; its id and wisenroll code. */
async function postEnrollment(page: Page): Promise<{ id: string; code: string }> {
  const body = JSON.parse(fs.readFileSync("fixtures/enrollments/seed-example-2.json", "utf8"));
  const code = Math.random().toString(36).slice(2, 8).toUpperCase();
  body.client_info.wisenroll_code = code;
  body.client_info.first_name = `DESK${code}`;
  const response = await page.request.post("/api/v1/enrollments", { headers: { Authorization: `Bearer ${INTAKE_KEY}` }, data: body });
  expect(response.status()).toBe(201);
  return { id: ((await response.json()) as { id: string }).id, code };
}

async function query<T extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<T[]> {
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    return (await db.query<T>(text, values)).rows;
  } finally {
    await db.end();
  }
}

const ownerOf = async (id: string) => (await query<{ username: string | null }>("SELECT u.username FROM enrollments e LEFT JOIN users u ON u.id = e.owner_id WHERE e.id = $1", [id]))[0]!.username;

/** Ticks the queue rows of these codes (new ones: the newest-first views show them on the first page). */
async function tick(page: Page, codes: string[]) {
  for (const code of codes) await page.getByTestId("queue-row").filter({ hasText: code }).getByRole("checkbox").check();
}

test("[OFFICER] claims an enrollment from the queue and finds it under Mine", async ({ page }) => {
  await signInAs(page, "officer");
  const { id, code } = await postEnrollment(page);
  await page.goto("/queue?owner=unassigned&sort=received_desc");
  const row = page.getByTestId("queue-row").filter({ hasText: code });
  await expect(row.getByTestId("queue-owner")).toHaveText("Unassigned");
  await row.getByRole("checkbox").check();
  await expect(page.getByTestId("queue-bulk-bar")).toContainText("1 enrollment selected");
  await page.getByTestId("queue-bulk-bar").getByRole("button", { name: "Assign to me" }).click();
  await expect(page.getByTestId("ownership-message")).toHaveText("Owner changed for 1 enrollment.");
  expect(await ownerOf(id)).toBe("officer");

  // the owner filter: Mine
  await page.getByLabel("Owner").selectOption({ label: "Mine" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/owner=mine/);
  await expect(page.getByTestId("queue-row").filter({ hasText: code }).getByTestId("queue-owner")).toHaveText("You");
  await expect(page.getByTestId("queue-owner").filter({ hasText: "Unassigned" })).toHaveCount(0);

  // and the page says so; releasing there puts it back
  await page.goto(`/enrollments/${id}`);
  await expect(page.getByTestId("owner")).toHaveText("Owner: you");
  await page.getByTestId("owner-controls").getByRole("button", { name: "Release" }).click();
  await expect(page.getByTestId("owner")).toHaveText("Unassigned");
  expect(await ownerOf(id)).toBeNull();
});

test("[LEAD] bulk-assigns five enrollments to another officer of the branch, who sees them as theirs, then releases them in bulk", async ({ page, browser }) => {
  await signInAs(page, "officer");
  const five = [];
  for (let i = 0; i < 5; i += 1) five.push(await postEnrollment(page));
  const codes = five.map((enrollment) => enrollment.code);
  const ids = five.map((enrollment) => enrollment.id);
  await page.goto("/queue?owner=unassigned&sort=received_desc");
  await tick(page, codes);
  const bar = page.getByTestId("queue-bulk-bar");
  await expect(bar).toContainText("5 enrollments selected");
  await bar.getByLabel("Assign to").selectOption({ label: "Oscar Officer" });
  await bar.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(page.getByTestId("ownership-message")).toHaveText("Owner changed for 5 enrollments.");
  expect(await Promise.all(ids.map(ownerOf))).toEqual(Array(5).fill("officer2"));

  // Oscar finds them on his desk
  const oscar = await (await browser.newContext({ baseURL: test.info().project.use.baseURL })).newPage();
  await signInAs(oscar, "officer2");
  await oscar.goto("/queue?owner=mine&sort=received_desc");
  for (const code of codes) await expect(oscar.getByTestId("queue-row").filter({ hasText: code }).getByTestId("queue-owner")).toHaveText("You");
  // he is no lead: "Assign to" is not his
  await expect(oscar.getByTestId("queue-bulk-bar").getByLabel("Assign to")).toHaveCount(0);
  await oscar.context().close();

  // the lead releases them at once
  await page.goto("/queue?owner=any&sort=received_desc");
  await tick(page, codes);
  await page.getByTestId("queue-bulk-bar").getByRole("button", { name: "Release" }).click();
  await expect(page.getByTestId("ownership-message")).toHaveText("Owner changed for 5 enrollments.");
  expect(await Promise.all(ids.map(ownerOf))).toEqual(Array(5).fill(null));
  const audit = await query<{ action: string; actor: string }>(
    "SELECT a.action, a.actor_label AS actor FROM audit_events a WHERE a.target_id = ANY($1) AND a.action IN ('enrollment.assigned', 'enrollment.released') ORDER BY a.at, a.action",
    [ids],
  );
  expect(audit).toEqual([...Array(5).fill({ action: "enrollment.assigned", actor: "officer" }), ...Array(5).fill({ action: "enrollment.released", actor: "officer" })]);
});

test("[OFFICER] of another branch cannot open it: the not-found page", async ({ page }) => {
  await signInAs(page, "officer");
  const { id, code } = await postEnrollment(page);
  await signInAs(page, "officer3");
  const response = await page.goto(`/enrollments/${id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText(code);
  // nor through the API, nor in the queue
  expect((await page.request.get(`/api/enrollments/${id}/pipeline`)).status()).toBe(404);
  await page.goto("/queue?owner=any&sort=received_desc");
  await expect(page.getByTestId("queue-row").first()).toBeVisible();
  await expect(page.getByTestId("queue-row").filter({ hasText: code })).toHaveCount(0);
});
