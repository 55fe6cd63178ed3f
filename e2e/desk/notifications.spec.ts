// Notifications: Olga (officer) writes a note naming Oscar (@officer2) on an enrollment of branch
// 01; Oscar, with the queue open in another browser, sees his bell's count go up without a reload,
// and its item takes him to the enrollment's notes. Once in English, once in Spanish.
import fs from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { INTAKE_KEY } from "../../playwright.config";
import { signInAs } from "../fixtures";
import { expectNoSeriousAxeViolations } from "../push/helpers";

/** A new enrollment of branch 01 through the intake API; its id and wisenroll code. */
async function postEnrollment(page: Page): Promise<{ id: string; code: string }> {
  const body = JSON.parse(fs.readFileSync("fixtures/enrollments/seed-example-2.json", "utf8"));
  const code = Math.random().toString(36).slice(2, 8).toUpperCase();
  body.client_info.wisenroll_code = code;
  const response = await page.request.post("/api/v1/enrollments", { headers: { Authorization: `Bearer ${INTAKE_KEY}` }, data: body });
  expect(response.status()).toBe(201);
  return { id: ((await response.json()) as { id: string }).id, code };
}

async function sql<TRow extends Record<string, unknown> = Record<string, unknown>>(text: string, values: unknown[]): Promise<TRow[]> {
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    return (await db.query<TRow>(text, values)).rows;
  } finally {
    await db.end();
  }
}

/** Oscar starts with nothing unread, so the count he should see is known. */
const readAllOf = (username: string) =>
  sql("UPDATE notifications SET read_at = now() WHERE read_at IS NULL AND recipient_id = (SELECT id FROM users WHERE username = $1)", [username]);


async function colleague(browser: Browser, locale: "en" | "es"): Promise<Page> {
  const baseURL = test.info().project.use.baseURL!;
  const context = await browser.newContext({ baseURL });
  await context.addCookies([{ name: "console_locale", value: locale, url: baseURL }]);
  const page = await context.newPage();
  await signInAs(page, "officer2");
  return page;
}

for (const locale of ["en", "es"] as const) {
  const title = "[OFFICER] claims the next enrollment, writes a note mentioning a colleague, who sees the notification" + (locale === "es" ? " (in Spanish)" : "");
  test(title, async ({ page, browser }) => {
    await signInAs(page, "officer");
    // one more unassigned enrollment of Olga's branches, so Next always has one to give
    await postEnrollment(page);
    await readAllOf("officer2");

    const oscar = await colleague(browser, locale);
    // the bell reads its notifications once its stream listens ("ready"): from then on it misses nothing
    const listening = oscar.waitForResponse((response) => new URL(response.url()).pathname === "/api/notifications");
    await oscar.goto("/queue");
    await listening;
    const bell = oscar.getByTestId("notification-bell");
    await expect(bell).toHaveAttribute("aria-label", locale === "es" ? "Notificaciones, ninguna sin leer" : "Notifications, none unread");
    await expect(oscar.getByTestId("notification-count")).toHaveCount(0);

    // Next enrollment: her own most urgent, else the most urgent unassigned one, now hers
    await page.goto("/queue");
    await page.getByRole("button", { name: "Next enrollment" }).click();
    await expect(page).toHaveURL(/\/enrollments\/[0-9a-f-]{36}$/, { timeout: 15_000 });
    await expect(page.getByTestId("owner")).toHaveText("Owner: you");
    const id = new URL(page.url()).pathname.split("/").pop()!;
    const code = (await sql<{ code: string }>("SELECT wisenroll_code AS code FROM enrollments WHERE id = $1", [id]))[0]!.code;
    await page.getByLabel("Note").fill(`@officer2 please check the address of ${code}`);
    await page.getByRole("button", { name: "Add note" }).click();
    await expect(page.getByText("Note added.")).toBeVisible();

    // live: no reload, within 2 s of the note being stored
    const url = oscar.url();
    await expect(oscar.getByTestId("notification-count")).toHaveText("1", { timeout: 2_000 });
    await expect(bell).toHaveAttribute("aria-label", locale === "es" ? "Notificaciones, 1 sin leer" : "Notifications, 1 unread");
    expect(oscar.url()).toBe(url);

    await bell.click();
    const item = oscar.getByTestId("notification-item").filter({ hasText: code }).first();
    await expect(item).toContainText(locale === "es" ? `Olga Officer le mencionó en una nota sobre ${code}` : `Olga Officer mentioned you in a note on ${code}`);
    await expect(item).toHaveAttribute("href", `/enrollments/${id}#history`);
    await item.click();
    await expect(oscar).toHaveURL(new RegExp(`/enrollments/${id}#history$`));
    await expect(oscar.getByTestId("notification-count")).toHaveCount(0);
    await oscar.context().close();
  });
}

test("[OFFICER] the bell's popover takes and gives back focus, and the notifications page pages and marks all read, without axe violations", async ({ page }) => {
  test.setTimeout(120_000);
  await readAllOf("officer3");
  // this test's own rows from an earlier run on the same database would page in with today's
  await sql("DELETE FROM notifications WHERE dedupe_key LIKE 'e2e-paging:%' AND recipient_id = (SELECT id FROM users WHERE username = 'officer3')", []);
  // 30 notifications for Nora, assigned by Olga: more than a page of the notifications page
  await sql(
    `INSERT INTO notifications (id, recipient_id, kind, params, dedupe_key, created_at)
     SELECT gen_random_uuid(), (SELECT id FROM users WHERE username = 'officer3'), 'assigned',
            jsonb_build_object('code', 'PG' || lpad(i::text, 4, '0'), 'byId', (SELECT id::text FROM users WHERE username = 'officer')),
            'e2e-paging:' || gen_random_uuid(), now() - i * interval '1 minute'
     FROM generate_series(1, 30) i`,
    [],
  );
  await signInAs(page, "officer3");
  await page.goto("/queue");
  const bell = page.getByTestId("notification-bell");
  await expect(bell).toHaveAttribute("aria-label", "Notifications, 30 unread");
  await bell.focus();
  await page.keyboard.press("Enter");
  const popover = page.getByRole("dialog", { name: "Notifications" });
  await expect(popover).toBeVisible();
  await expect(popover.getByTestId("notification-item").first()).toContainText("Olga Officer assigned you enrollment PG0001");
  await expect.poll(() => popover.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  await expectNoSeriousAxeViolations(page);
  await page.keyboard.press("Escape");
  await expect(popover).toBeHidden();
  await expect(bell).toBeFocused();

  await page.goto("/notifications");
  await expect(page.getByTestId("notification-row")).toHaveCount(25);
  await expectNoSeriousAxeViolations(page);
  await page.getByTestId("notifications-older").click();
  await expect(page.getByTestId("notification-row").first()).toContainText("PG0026");
  await page.getByRole("button", { name: "Mark all as read" }).click();
  await expect(bell).toHaveAttribute("aria-label", "Notifications, none unread");
  await expect(page.getByTestId("notification-row").and(page.locator('[data-read="false"]'))).toHaveCount(0);
});
