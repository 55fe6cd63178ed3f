import { afterEach, expect, it, vi } from "vitest";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  vi.resetModules();
});

async function freshEnv() {
  vi.resetModules();
  return (await import("./env")).env;
}

// A console must never sign sessions with a secret anyone can read in the repository's history.
it("refuses to start without AUTH_SECRET, or with the development secret the repository once held", async () => {
  process.env.DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/unused";
  delete process.env.AUTH_SECRET;
  await expect(freshEnv().then((env) => env())).rejects.toThrow(/AUTH_SECRET is required/);
  process.env.AUTH_SECRET = "development-only-secret-change-me-0123456789";
  await expect(freshEnv().then((env) => env())).rejects.toThrow(/published in the repository/);
  process.env.AUTH_SECRET = "a-secret-made-for-this-run-only-0123456789";
  expect((await freshEnv())().AUTH_SECRET).toBe("a-secret-made-for-this-run-only-0123456789");
});
