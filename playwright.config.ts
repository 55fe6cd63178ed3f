import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const INTAKE_KEY = "e2e-intake-key-0123456789";

// Chromium comes from Debian (/usr/bin/chromium): browsers cannot be downloaded here.
export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-breakpad",
        "--disable-domain-reliability",
      ],
    },
    trace: "off",
  },
  webServer: {
    command: `npx next start -p ${PORT}`,
    url: `http://127.0.0.1:${PORT}/login`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      INTAKE_API_KEYS: INTAKE_KEY,
      ALLOW_DEV_SECRET: "1",
      NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
      LOG_LEVEL: "warn",
    },
  },
});
