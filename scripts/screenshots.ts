// Refreshes the README's screenshots from a running console: BASE_URL (default
// http://127.0.0.1:3000), signed in as the demo officer. Run: npx tsx scripts/screenshots.ts
import { chromium } from "@playwright/test";

const BASE_URL = process.env.BASE_URL ?? "http://127.0.0.1:3000";

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${BASE_URL}/login`);
  await page.screenshot({ path: "docs/screenshots/login.png" });
  await page.getByLabel("Username").fill("officer");
  await page.getByLabel("Password").fill("officer-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/queue/);
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: "docs/screenshots/queue.png" });
  await page.getByTestId("queue-row").nth(2).getByRole("link").click();
  await page.waitForURL(/\/enrollments\//);
  await page.getByRole("heading", { name: "Personal information" }).waitFor();
  await page.screenshot({ path: "docs/screenshots/enrollment.png", fullPage: false });
  await browser.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
