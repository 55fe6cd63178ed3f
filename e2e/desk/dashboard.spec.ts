import { expect, test } from "@playwright/test";
import { signInAs } from "../fixtures";
import { expectNoSeriousAxeViolations } from "../push/helpers";

test("[LEAD] reads the desk dashboard of their branches, filters a branch, exports the same numbers as CSV, with no axe finding", async ({ page }) => {
  // Olga leads branches 01–03
  await signInAs(page, "officer");
  await page.goto("/queue");
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Desk dashboard" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Desk dashboard" })).toBeVisible();
  const branches = page.getByTestId("desk-by-branch").locator("tbody th");
  const codes = (await branches.allTextContents()).map((text) => text.slice(0, 2));
  expect(codes.length).toBeGreaterThan(0);
  for (const code of codes) expect(["01", "02", "03"]).toContain(code);
  await expect(page.getByRole("img", { name: /Received → pushed time by branch/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /Backlog by age/ })).toBeVisible();

  // light and dark
  await expectNoSeriousAxeViolations(page);
  await page.emulateMedia({ colorScheme: "light" });

  // a branch chosen applies at once
  await page.getByRole("combobox", { name: "Branch" }).selectOption("02");
  await expect(page).toHaveURL(/[?&]branch=02/);
  await expect(branches).toHaveCount(1);
  await expect(branches.first()).toContainText("02");
  const received = await page.getByTestId("desk-by-branch").locator("tbody td").first().textContent();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const csv = await (await download).createReadStream().then(async (stream) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  });
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toBe("kind,branch,branch_name,officer,received,pushed,push_minutes_p50,push_minutes_p95,sla_met,sla_stopped,overdue_open,failed,needs_reconciliation");
  const branchLines = lines.filter((line) => line.startsWith("branch,"));
  expect(branchLines).toHaveLength(1);
  expect(branchLines[0]!.split(",")[1]).toBe("02");
  expect(branchLines[0]!.split(",")[4]).toBe(received);
});

test("[OFFICER] who leads no branch has no desk dashboard; in Spanish a lead reads it", async ({ page }) => {
  await signInAs(page, "officer2");
  await page.goto("/queue");
  await expect(page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Desk dashboard" })).toHaveCount(0);
  const response = await page.goto("/desk");
  expect(response?.status()).toBe(403);
  expect((await page.request.get("/api/desk/export")).status()).toBe(403);

  await page.context().clearCookies();
  await page.context().addCookies([{ name: "console_locale", value: "es", url: test.info().project.use.baseURL! }]);
  await signInAs(page, "officer");
  await page.goto("/desk");
  await expect(page.getByRole("heading", { level: 1, name: "Panel del escritorio" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Pendientes por antigüedad/ })).toBeVisible();
});
