import path from "node:path";
import { defineConfig } from "vitest/config";

// server-only throws outside React Server Components; tests import those modules directly.
const alias = { "@": path.resolve(__dirname), "server-only": path.resolve(__dirname, "tests/empty-module.ts") };

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
          env: { LOG_LEVEL: "silent" },
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["{lib,sandbox,app,scripts,tests}/**/*.int.test.ts"],
          environment: "node",
          setupFiles: ["tests/integration/setup.ts"],
          env: { LOG_LEVEL: "silent" },
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
