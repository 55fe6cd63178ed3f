// The review SLA end to end: an admin gives branch 03 its own target and a holiday (and takes the
// holiday back); Olga (officer of 01–03) sees the time left of a new enrollment and the overdue
// one, and keeps only the overdue with the filter, in English and in Spanish.
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { INTAKE_KEY } from "../../playwright.config";
import { signInAs } from "../fixtures";

const BRANCH = "03";

async function query<T extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<T[]> {
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    return (await db.query<T>(text, values)).rows;
  } finally {
    await db.end();
  }
}

/** The queue's row of one enrollment: by its code cell (another row's identity column may name the same code). */
const rowOf = (page: Page, code: string) => page.getByTestId("queue-row").filter({ has: page.getByRole("cell", { name: code, exact: true }) });

/** A new enrollment of branch 03 through the intake API; its id and wisenroll code. */
async function postEnrollment(page: Page): Promise<{ id: string; code: string }> {
  const body = JSON.parse(fs.readFileSync("fixtures/enrollments/seed-example-2.json", "utf8"));
  const code = Math.random().toString(36).slice(2, 8).toUpperCase();
  body.client_info.wisenroll_code = code;
  body.client_entity_branch = { branch_code: BRANCH, branch_name: "Branch 03" };
  const response = await page.request.post("/api/v1/enrollments", { headers: { Authorization: `Bearer ${INTAKE_KEY}` }, data: body });
  expect(response.status()).toBe(201);
  return { id: ((await response.json()) as { id: string }).id, code };
}

test("[ADMIN] sets a branch target and a holiday; [OFFICER] sees time left and overdue, and filters overdue", async ({ page, browser }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/settings");
  const sla = page.getByRole("region", { name: "Review SLA" });
  const targets = sla.getByRole("form", { name: "Branch targets" });
  // a field error names the field, and nothing is saved
  await targets.getByLabel("Branch code").fill(BRANCH);
  await targets.getByLabel("Review target (working hours)").fill("0.1");
  await targets.getByRole("button", { name: "Set branch target" }).click();
  await expect(targets.getByText("Review target: enter 0.25 to 200 working hours, in quarters of an hour.")).toBeVisible();
  await targets.getByLabel("Review target (working hours)").fill("2");
  await targets.getByRole("button", { name: "Set branch target" }).click();
  await expect(sla.getByRole("listitem").filter({ hasText: "2 working hours" }).filter({ hasText: BRANCH })).toBeVisible();
  expect((await query<{ target_minutes: number }>("SELECT target_minutes FROM sla_branch_targets WHERE branch_code = $1", [BRANCH]))[0]?.target_minutes).toBe(120);

  const holidays = sla.getByRole("form", { name: "Holidays" });
  const name = `E2E holiday ${Math.random().toString(36).slice(2, 6)}`;
  await holidays.getByLabel("Date").fill("2031-01-02");
  await holidays.getByLabel("Holiday name").fill(name);
  await holidays.getByLabel("Branch (optional)").fill(BRANCH);
  await holidays.getByRole("button", { name: "Add holiday" }).click();
  const holiday = sla.getByRole("listitem").filter({ hasText: name });
  await expect(holiday).toContainText("2031-01-02");
  expect(await query("SELECT 1 FROM audit_events WHERE action = 'sla.holiday_added' AND details->>'name' = $1", [name])).toHaveLength(1);
  await holiday.getByRole("button", { name: "Remove the holiday of 2031-01-02" }).click();
  await expect(holiday).toHaveCount(0);

  // an enrollment of 03 received now has 2 working hours; another is made overdue
  const fresh = await postEnrollment(page);
  const late = await postEnrollment(page);
  expect((await query<{ due_at: Date | null }>("SELECT due_at FROM enrollments WHERE id = $1", [fresh.id]))[0]!.due_at).not.toBeNull();
  await query("UPDATE enrollments SET due_at = now() - interval '3 days' WHERE id = $1", [late.id]);
  // the worker's sweep marks the breach once, escalated (nobody owns it), and audits it
  await expect
    .poll(async () => (await query<{ n: string }>("SELECT count(*)::text AS n FROM audit_events WHERE action = 'enrollment.sla_breached' AND target_id = $1", [late.id]))[0]!.n, { timeout: 20_000 })
    .toBe("1");
  const marked = (await query<{ breached: Date | null; escalated: Date | null }>("SELECT sla_breached_at AS breached, sla_escalated_at AS escalated FROM enrollments WHERE id = $1", [late.id]))[0]!;
  expect(marked.breached).not.toBeNull();
  expect(marked.escalated).not.toBeNull();

  const olga = await (await browser.newContext({ baseURL: test.info().project.use.baseURL })).newPage();
  await signInAs(olga, "officer");
  await olga.goto("/queue?owner=any&sort=received_desc");
  await expect(rowOf(olga, fresh.code).getByTestId("queue-due")).toHaveText(/^(\d+ h )?(\d+ min )?left$|^\d+ h left$/);
  const overdue = rowOf(olga, late.code).getByTestId("queue-due");
  await expect(overdue).toHaveText(/^Overdue by /);
  await expect(overdue).toHaveAttribute("data-overdue", "true");

  await olga.getByLabel("Due", { exact: true }).selectOption({ label: "Overdue" });
  await olga.getByRole("button", { name: "Apply" }).click();
  await expect(olga).toHaveURL(/due=overdue/);
  await expect(rowOf(olga, late.code)).toHaveCount(1);
  await expect(rowOf(olga, fresh.code)).toHaveCount(0);
  for (const cell of await olga.getByTestId("queue-due").all()) await expect(cell).toHaveAttribute("data-overdue", "true");

  // in Spanish
  await olga.context().addCookies([{ name: "console_locale", value: "es", url: test.info().project.use.baseURL! }]);
  await olga.goto("/queue?owner=any&sort=received_desc");
  await expect(rowOf(olga, fresh.code).getByTestId("queue-due")).toHaveText(/^Quedan /);
  await expect(rowOf(olga, late.code).getByTestId("queue-due")).toHaveText(/^Vencida hace /);
  await expect(olga.getByLabel("Vencimiento")).toContainText("Vencidas");
});
