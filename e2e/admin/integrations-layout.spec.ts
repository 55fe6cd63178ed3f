import { expect, test } from "@playwright/test";
import { signInAs } from "../fixtures";

test("[ADMIN] the Integrations form uses the page's width: two fields to a row on a wide screen, one on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, "admin");
  await page.goto("/admin/integrations");
  const boxOf = async (id: string) => (await page.locator(id).boundingBox())!;
  const [url, user] = [await boxOf("#core-baseUrl"), await boxOf("#core-username")];
  expect(Math.abs(url.y - user.y)).toBeLessThan(2);
  expect(user.x).toBeGreaterThan(url.x + url.width);
  expect((await page.getByRole("form", { name: "Bank core" }).boundingBox())!.width).toBeGreaterThan(900);

  await page.setViewportSize({ width: 390, height: 800 });
  const [narrowUrl, narrowUser] = [await boxOf("#core-baseUrl"), await boxOf("#core-username")];
  expect(narrowUser.y).toBeGreaterThan(narrowUrl.y + narrowUrl.height);
});
