// The AML queue's search box may hold a full document number: it is posted for an opaque token,
// and neither the address bar nor any request's URL (the CSV export link included) carries it.
import { expect, test } from "@playwright/test";
import { signInAs } from "../fixtures";

test("[COMPLIANCE] searches the AML queue by a full document number without it entering a URL", async ({ page }) => {
  const number = `AMLQ${Date.now()}`;
  await signInAs(page, "compliance");
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  await page.goto("/aml");
  await page.getByRole("searchbox").fill(number);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]qt=/);
  await expect(page.getByRole("searchbox")).toHaveValue(number);
  await expect(page.getByRole("link", { name: "Export CSV" })).toHaveAttribute("href", /[?&]qt=/);
  const exportHref = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
  expect(exportHref).not.toContain(number);
  expect(urls.filter((url) => url.includes(number))).toEqual([]);
});
