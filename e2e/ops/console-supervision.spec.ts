import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { SECRET_VARIABLES } from "../../lib/config/local-secrets";
import { INTAKE_KEY } from "../../playwright.config";
import { signInAs } from "../fixtures";
import { intakeFixture, outcomeOf } from "../push/helpers";
import { processes, running, tree, type TProcess } from "./process-tree";

// `npm start` as a newcomer runs it (embedded PostgreSQL, seed, sandboxes, push worker, web
// server), on ports and a data folder of its own: the push worker it supervises is started again
// after a SIGKILL, officers see a banner while no worker beats, and stopping it (SIGTERM, or
// Ctrl-C to its process group as a terminal does) leaves no process of it behind.
const BASE_PORT = Number(process.env.E2E_CONSOLE_TEST_PORT ?? 3200);
const CONSOLE = `http://127.0.0.1:${BASE_PORT}`;
const STALE_SECONDS = 3;

async function waitFor<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    const value = await Promise.resolve()
      .then(check)
      .catch((error: unknown) => {
        last = error;
        return undefined;
      });
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last error: ${String(last)})`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

type TConsole = { npm: ChildProcess; logs: string[]; exited: Promise<void>; seen: Map<number, TProcess> };

/** The consoles' database and secrets, one folder for both runs (the second starts warm). */
let dataRoot = "";

function startConsole(): TConsole {
  if (!dataRoot) {
    // A folder the embedded server's `postgres` user can enter when the tests run as root.
    dataRoot = fs.mkdtempSync(path.join(process.getuid?.() === 0 ? "/var/tmp" : os.tmpdir(), "ec-console-"));
    fs.chmodSync(dataRoot, 0o755);
  }
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Everything from the test run's own console is left out: this one starts as a newcomer's does.
  for (const name of ["DATABASE_URL", "MIGRATION_DATABASE_URL", "NODE_ENV", ...SECRET_VARIABLES]) delete env[name];
  for (const name of Object.keys(env)) if (/^(CORE|AMLYZE|SANDBOX)_/.test(name)) delete env[name];
  Object.assign(env, {
    PORT: String(BASE_PORT),
    NEXTAUTH_URL: CONSOLE,
    WEB_HOST: "127.0.0.1",
    WEB_CONCURRENCY: "1",
    SANDBOX_CORE_PORT: String(BASE_PORT + 1),
    SANDBOX_AMLYZE_PORT: String(BASE_PORT + 2),
    EMBEDDED_PG_PORT: String(BASE_PORT + 3),
    EMBEDDED_PG_DIR: path.join(dataRoot, "pg"),
    CONSOLE_SECRETS_FILE: path.join(dataRoot, "secrets.env"),
    INTAKE_API_KEYS: INTAKE_KEY,
    FOUR_EYES: "off",
    WORKER_STALE_SECONDS: String(STALE_SECONDS),
    WORKER_HEARTBEAT_MS: "500",
    PUSH_SWEEP_INTERVAL_MS: "1000",
    LOG_LEVEL: "warn",
  });
  // Detached: it leads a process group, as a command typed in a terminal does.
  const npm = spawn("npm", ["start"], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const logs: string[] = [];
  npm.stdout!.setEncoding("utf8").on("data", (chunk: string) => logs.push(chunk));
  npm.stderr!.setEncoding("utf8").on("data", (chunk: string) => logs.push(chunk));
  const exited = new Promise<void>((resolve) => npm.once("exit", () => resolve()));
  return { npm, logs, exited, seen: new Map() };
}

/** Records every process of the console seen so far, so that none can hide by being orphaned. */
function remember(instance: TConsole): TProcess[] {
  const now = tree(instance.npm.pid!);
  for (const p of now) instance.seen.set(p.pid, p);
  return now;
}

/** The push worker: the deepest process running scripts/worker.ts (a loader may sit above it). */
function workerPid(instance: TConsole): number | undefined {
  const workers = remember(instance).filter((p) => p.args.includes("scripts/worker.ts"));
  return workers.find((p) => !workers.some((child) => child.ppid === p.pid))?.pid;
}

async function started(instance: TConsole) {
  await waitFor("the console to answer", async () => ((await fetch(`${CONSOLE}/login`)).ok ? true : undefined), 180_000);
  await waitFor("the push worker", () => workerPid(instance));
  // The embedded PostgreSQL's server processes, the web workers: all of them, once up.
  remember(instance);
}

/** After the console exited: none of its processes runs, nor anything in one of its groups. */
function leftBehind(instance: TConsole): TProcess[] {
  const groups = new Set([...instance.seen.values()].map((p) => p.pgid));
  const pids = new Set(instance.seen.keys());
  return processes().filter((p) => (pids.has(p.pid) && running(p.pid)) || groups.has(p.pgid));
}

/** Cleans up after a failed test: only processes still the same (pid and command line), since a pid may have been reused. */
function killAll(instance: TConsole) {
  for (const p of processes()) {
    if (instance.seen.get(p.pid)?.args !== p.args) continue;
    try {
      process.kill(p.pid, "SIGKILL");
    } catch {
      // Ended meanwhile.
    }
  }
}

test.describe("the console supervises its push worker", () => {
  test.describe.configure({ mode: "serial", timeout: 300_000 });
  test.use({ baseURL: CONSOLE });
  let instance: TConsole;
  let api: APIRequestContext;

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    instance = startConsole();
    await started(instance);
    api = await playwrightRequest.newContext({ baseURL: CONSOLE });
  });

  test.afterAll(async () => {
    await api?.dispose();
    killAll(instance);
  });

  test("[OPS] its embedded database has the application's own role, which its web server and push worker connect as", async () => {
    // The embedded server's superuser, as an operator would look.
    const db = new pg.Client({ connectionString: consoleDatabaseEnv().DATABASE_URL });
    await db.connect();
    try {
      expect((await fetch(`${CONSOLE}/api/health`)).ok).toBe(true);
      const { rows } = await db.query<{ service: string; role: string; superuser: boolean; owns: number }>(
        `SELECT DISTINCT a.application_name AS service, a.usename AS role, r.rolsuper AS superuser,
           (SELECT count(*)::int FROM pg_class WHERE relowner = r.oid) AS owns
         FROM pg_stat_activity a JOIN pg_roles r ON r.rolname = a.usename
         WHERE a.datname = current_database() AND a.application_name LIKE 'enrollment-console %' ORDER BY 1`,
      );
      expect(rows).toEqual([
        { service: "enrollment-console web", role: "enrollment_console_app", superuser: false, owns: 0 },
        { service: "enrollment-console worker", role: "enrollment_console_app", superuser: false, owns: 0 },
      ]);
      // Its password was made at random and kept with the console's other secrets.
      expect(fs.readFileSync(path.join(dataRoot, "secrets.env"), "utf8")).toMatch(/^DATABASE_APP_PASSWORD=[\w-]{32}$/m);
    } finally {
      await db.end();
    }
  });

  test("[ADMIN] the demo's core and AMLYZE are settings Admin → Integrations can change, not locked by the environment", async ({ page }) => {
    await signInAs(page, "admin");
    await page.goto("/admin/integrations");
    // Stored by the first start (lib/settings/sandbox-settings.ts), so editable and said to be stored.
    await expect(page.locator("#core-baseUrl")).toBeEditable();
    await expect(page.locator("#core-baseUrl")).toHaveValue(`http://127.0.0.1:${BASE_PORT + 1}`);
    await expect(page.locator("#amlyze-baseUrl")).toHaveValue(`http://127.0.0.1:${BASE_PORT + 2}`);
    for (const id of ["#amlyze-baseUrl", "#amlyze-token", "#amlyze-webhookSecret"]) await expect(page.locator(id)).toBeEditable();
    expect(instance.logs.join("")).toContain("stored as integration settings");
  });

  test("[OPS] a push worker killed with SIGKILL is started again, and a push requested while it was dead completes", async () => {
    const first = workerPid(instance)!;
    process.kill(first, "SIGKILL");
    await waitFor("the worker to die", () => (running(first) ? undefined : true));

    // Requested while no worker runs: the push waits in the queue for the next one.
    const fixture = await intakeFixture(api);
    const push = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "e2e/support/request-push.ts", fixture.id], {
      env: { ...process.env, ...consoleDatabaseEnv() },
      stdio: ["ignore", "inherit", "inherit"],
    });
    expect(await new Promise((resolve) => push.once("exit", resolve))).toBe(0);

    const second = await waitFor("a new push worker", () => {
      const pid = workerPid(instance);
      return pid !== undefined && pid !== first ? pid : undefined;
    }, 30_000);
    expect(second).not.toBe(first);
    await waitFor("the push to complete", async () => ((await outcomeOf(api, fixture.id)).status === "pushed" ? true : undefined), 60_000);
    expect(instance.logs.join("")).toContain("push worker exited; starting it again");
  });

  test("[OFFICER] a banner says so while no push worker beats, a push waiting for it says since when, and both go once one does, without a reload", async ({ page }) => {
    test.setTimeout(150_000);
    const health = async () => (await (await fetch(`${CONSOLE}/api/health`)).json()) as { status: string; worker: { alive: boolean } };
    await waitFor("a live worker", async () => ((await health()).worker.alive ? true : undefined), 30_000);
    await signInAs(page, "officer");
    await page.goto("/queue");
    const banner = page.getByTestId("worker-banner");
    await expect(banner).toBeHidden();

    // Frozen, not dead: the supervisor has nothing to restart, and the beats stop.
    const worker = workerPid(instance)!;
    let pushed = "";
    process.kill(worker, "SIGSTOP");
    try {
      await expect(banner).toBeVisible({ timeout: (STALE_SECONDS + 15) * 1000 });
      await expect(banner).toContainText("No push worker is running");
      expect(await health()).toMatchObject({ status: "worker_stale", worker: { alive: false } });
      expect((await fetch(`${CONSOLE}/api/health?require=worker`)).status).toBe(503);

      // A push requested now waits: its page says for what, since when, counting, and past 30 s that it is long
      const fixture = await intakeFixture(api);
      const push = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "e2e/support/request-push.ts", fixture.id], {
        env: { ...process.env, ...consoleDatabaseEnv() },
        stdio: ["ignore", "inherit", "inherit"],
      });
      expect(await new Promise((resolve) => push.once("exit", resolve))).toBe(0);
      await page.goto(`/enrollments/${fixture.id}`);
      const waiting = page.getByTestId("waiting-for-worker");
      await expect(waiting).toContainText("The push is waiting for the push worker since");
      await expect(waiting).toContainText(/\(\d+ seconds? so far\)/);
      await expect(waiting.getByRole("status")).toContainText("Longer than usual", { timeout: 45_000 });
      pushed = fixture.id;
    } finally {
      process.kill(worker, "SIGCONT");
    }
    await expect(banner).toBeHidden({ timeout: 20_000 });
    expect((await health()).status).toBe("ok");
    // the thawed worker takes the push, and the waiting line goes without a reload
    await expect(page.getByTestId("waiting-for-worker")).toBeHidden({ timeout: 60_000 });
    await waitFor("the push to complete", async () => ((await outcomeOf(api, pushed)).status === "pushed" ? true : undefined), 60_000);
  });

  test("[OPS] SIGTERM stops the console and every process it started", async () => {
    remember(instance);
    expect([...instance.seen.values()].some((p) => p.args.includes("postgres"))).toBe(true);
    process.kill(instance.npm.pid!, "SIGTERM");
    await Promise.race([instance.exited, new Promise((resolve) => setTimeout(resolve, 60_000))]);
    await waitFor("every process of the console to end", () => (leftBehind(instance).length === 0 ? true : undefined), 30_000).catch(() => undefined);
    expect(leftBehind(instance).map((p) => `${p.pid} ${p.args}`)).toEqual([]);
  });
});

test("[OPS] Ctrl-C stops the console and every process it started", async () => {
  test.setTimeout(300_000);
  const instance = startConsole();
  try {
    await started(instance);
    // What a terminal does: SIGINT to every process of the foreground group.
    process.kill(-instance.npm.pid!, "SIGINT");
    await Promise.race([instance.exited, new Promise((resolve) => setTimeout(resolve, 60_000))]);
    await waitFor("every process of the console to end", () => (leftBehind(instance).length === 0 ? true : undefined), 30_000).catch(() => undefined);
    expect(leftBehind(instance).map((p) => `${p.pid} ${p.args}`)).toEqual([]);
  } finally {
    killAll(instance);
    fs.rmSync(dataRoot, { recursive: true, force: true });
  }
});

/** What a script needs to reach this console's database: its URL and the secrets it made. */
function consoleDatabaseEnv(): Record<string, string> {
  const secrets = Object.fromEntries(
    fs
      .readFileSync(path.join(dataRoot, "secrets.env"), "utf8")
      .split("\n")
      .map((line) => line.match(/^([A-Z_]+)=(.*)$/))
      .filter((match): match is RegExpMatchArray => match !== null)
      .map((match) => [match[1]!, match[2]!.replace(/^'(.*)'$/, "$1")]),
  );
  return { ...secrets, DATABASE_URL: `postgresql://postgres:postgres@127.0.0.1:${BASE_PORT + 3}/enrollment_console` };
}
