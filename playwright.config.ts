import { defineConfig } from "@playwright/test";

// Every port can be moved, so two e2e runs (say, two worktrees) never collide on one machine.
const PORT = Number(process.env.E2E_PORT ?? 3100);
export const INTAKE_KEY = "e2e-intake-key-0123456789";
/** The sandbox core and AMLYZE the e2e console talks to (ports apart from a running demo). */
const SANDBOX_CORE_PORT = Number(process.env.E2E_SANDBOX_CORE_PORT ?? 4110);
export const SANDBOX_CORE_URL = `http://127.0.0.1:${SANDBOX_CORE_PORT}`;
const SANDBOX_AMLYZE_PORT = Number(process.env.E2E_SANDBOX_AMLYZE_PORT ?? 4120);
export const SANDBOX_AMLYZE_URL = `http://127.0.0.1:${SANDBOX_AMLYZE_PORT}`;
/** The OpenID Connect provider the single sign-on e2e signs in with (e2e/support/test-idp.mjs). */
const TEST_IDP_PORT = Number(process.env.E2E_TEST_IDP_PORT ?? 4140);
export const TEST_IDP = { issuer: `http://127.0.0.1:${TEST_IDP_PORT}`, clientId: "enrollment-console", clientSecret: "e2e-sso-client-secret-0123456789" };
const WORKER_HEALTH_PORT = Number(process.env.E2E_WORKER_HEALTH_PORT ?? 4130);
/** Shared by the sandbox (which signs) and the console (which verifies). */
export const WEBHOOK_SECRET = "e2e-amlyze-webhook-secret";
const AMLYZE_TOKEN = "e2e-amlyze-token";
const TSX = "node node_modules/tsx/dist/cli.mjs --conditions=react-server";
/**
 * The console's own processes connect as the application's role (DATABASE_URL, from
 * scripts/with-db.ts); the owner's connection it gives the test run stays with the tests.
 */
const APP_PROCESS = { MIGRATION_DATABASE_URL: "" };

// Chromium comes from Debian (/usr/bin/chromium): browsers cannot be downloaded here.
export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  timeout: 60_000,
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
  webServer: [
    {
      command: `${TSX} sandbox/main.ts`,
      url: `${SANDBOX_CORE_URL}/_sandbox/faults`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        SANDBOX_CORE_PORT: String(SANDBOX_CORE_PORT),
        // The e2e database outlives the sandbox: start each run's customer numbers apart.
        SANDBOX_CORE_FIRST_CUSTOMER_NUMBER: String(Math.floor(Date.now() / 1000) * 1000),
        SANDBOX_AMLYZE_PORT: String(SANDBOX_AMLYZE_PORT),
        SANDBOX_AMLYZE_TOKEN: AMLYZE_TOKEN,
        SANDBOX_AMLYZE_WEBHOOK_URL: `http://127.0.0.1:${PORT}/api/v1/amlyze/events`,
        SANDBOX_AMLYZE_WEBHOOK_SECRET: WEBHOOK_SECRET,
        // Completed before pending, each twice: the console must end in the same state anyway.
        SANDBOX_AMLYZE_DELIVERY_DELAY_MS: "100",
        SANDBOX_AMLYZE_OUT_OF_ORDER: "1",
        SANDBOX_AMLYZE_DUPLICATES: "1",
        LOG_LEVEL: "warn",
      },
    },
    {
      command: "node e2e/support/test-idp.mjs",
      url: `${TEST_IDP.issuer}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        TEST_IDP_PORT: String(TEST_IDP_PORT),
        TEST_IDP_CONSOLE_URL: `http://127.0.0.1:${PORT}`,
        TEST_IDP_CLIENT_ID: TEST_IDP.clientId,
        TEST_IDP_CLIENT_SECRET: TEST_IDP.clientSecret,
      },
    },
    {
      // The push worker, a process of its own as in production.
      command: `${TSX} scripts/worker.ts`,
      url: `http://127.0.0.1:${WORKER_HEALTH_PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        WORKER_HEALTH_PORT: String(WORKER_HEALTH_PORT),
        // The core's credentials come from the database (the seed stored the sandbox's), so the
        // e2e can rotate them in Admin → Integrations: CORE_USERNAME/CORE_PASSWORD would win.
        CORE_BASE_URL: SANDBOX_CORE_URL,
        CORE_TIMEOUT_MS: "2000",
        PUSH_RETRY_BASE_MS: "100",
        PUSH_RETRY_MAX_MS: "500",
        PUSH_SWEEP_INTERVAL_MS: "2000",
        SLA_BREACH_INTERVAL_MS: "2000",
        AMLYZE_BASE_URL: SANDBOX_AMLYZE_URL,
        AMLYZE_TOKEN,
        AMLYZE_TIMEOUT_MS: "2000",
        AMLYZE_SEND_OPTIONAL: "birthDate,nationality,document",
        AMLYZE_RETRY_BASE_MS: "100",
        AMLYZE_RETRY_MAX_MS: "500",
        LOG_LEVEL: "warn",
        ...APP_PROCESS,
      },
    },
    {
      // The production server as deployed: one worker process per core (scripts/web-server.mjs).
      command: "node scripts/web-server.mjs",
      url: `http://127.0.0.1:${PORT}/login`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        PORT: String(PORT),
        WEB_CONCURRENCY: "2",
        INTAKE_API_KEYS: INTAKE_KEY,
        // For "test connection" in Admin → Integrations (credentials from the database, as the worker).
        CORE_BASE_URL: SANDBOX_CORE_URL,
        CORE_TIMEOUT_MS: "2000",
        NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
        LOG_LEVEL: "warn",
        // Production defaults, stated: an officer cannot push what they edited last.
        FOUR_EYES: "on",
        AMLYZE_WEBHOOK_SECRET: WEBHOOK_SECRET,
        ...APP_PROCESS,
      },
    },
  ],
});
