// Integration tests run against a real PostgreSQL (DATABASE_URL, set by scripts/with-db.ts)
// and refuse anything that is not on this machine.
const url = process.env.DATABASE_URL;
if (!url) throw new Error("Integration tests need DATABASE_URL (run them through `npm test`)");
const host = new URL(url).hostname;
if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
  throw new Error(`Refusing to run integration tests against a non-local database (${host})`);
}

// Intake keys accepted from the environment during integration tests (read once by lib/env).
export const INTEGRATION_INTAKE_KEY = "integration-intake-key-0123456789";
process.env.INTAKE_API_KEYS = `other-key-000000000000,${INTEGRATION_INTAKE_KEY}`;
