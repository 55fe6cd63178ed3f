import path from "node:path";
import { defineConfig } from "vitest/config";
import { generateSecrets, SECRET_VARIABLES } from "./lib/config/local-secrets";

// server-only throws outside React Server Components; tests import those modules directly.
const alias = { "@": path.resolve(__dirname), "server-only": path.resolve(__dirname, "tests/empty-module.ts") };

// No test relies on a committed secret: a run under scripts/with-db.ts has its test database's
// (test_support.secrets), and any other run makes its own.
const generated = generateSecrets();
const secrets = Object.fromEntries(SECRET_VARIABLES.map((name) => [name, process.env[name] || generated[name]]));

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["{lib,sandbox,components,app,scripts}/**/*.test.{ts,tsx}"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          environment: "node",
          env: { LOG_LEVEL: "silent", ...secrets },
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["{lib,sandbox,app,scripts,tests}/**/*.int.test.ts"],
          environment: "node",
          setupFiles: ["tests/integration/setup.ts"],
          env: { LOG_LEVEL: "silent", ...secrets },
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
