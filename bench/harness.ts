// Shared by the benchmarks: a scratch database on the server DATABASE_URL points at, and the
// production build of the console started against it on loopback.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import type autocannon from "autocannon";
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { createScratchDatabase } from "@/lib/db/scratch-database";
import { generateEnrollment } from "@/lib/enrollment/generate";

/**
 * A migrated scratch database on the server DATABASE_URL points at, made through the owner's
 * connection (MIGRATION_DATABASE_URL under scripts/with-db.ts: the application's role cannot
 * create databases). The benchmarks use its owner's `url`.
 */
export function scratchDatabase(prefix: string) {
  const app = process.env.DATABASE_URL;
  if (!app) throw new Error("Run benchmarks through their npm script (it provides DATABASE_URL)");
  return createScratchDatabase(process.env.MIGRATION_DATABASE_URL || app, { prefix, migrate: true, appUrl: app });
}

/**
 * Starts the production build's web server (scripts/web-server.mjs) with `workers` processes (1
 * unless told: what `next start` is) and resolves once it answers.
 */
export async function startConsole(options: { databaseUrl: string; port: number; workers?: number; env?: Record<string, string> }) {
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("Build first: npm run build");
  const child: ChildProcess = spawn(process.execPath, ["scripts/web-server.mjs"], {
    env: {
      ...process.env,
      PORT: String(options.port),
      WEB_HOST: "127.0.0.1",
      WEB_CONCURRENCY: String(options.workers ?? 1),
      DATABASE_URL: options.databaseUrl,
      NEXTAUTH_URL: `http://127.0.0.1:${options.port}`,
      LOG_LEVEL: "warn",
      ...options.env,
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const response = await fetch(`${baseUrl}/login`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("console did not start within 60 s");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    baseUrl,
    /** The spawned primary; the workers are its children (see processTreeRss). */
    pid: child.pid!,
    /** Stops the server and its workers; resolves once the primary has exited. */
    stop(): Promise<void> {
      if (child.exitCode !== null || child.signalCode !== null || !child.pid) return Promise.resolve();
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      process.kill(-child.pid, "SIGTERM");
      return exited;
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

/** A unique 6-character wisenroll code for the n-th body of a run. */
export function codeFor(n: number, salt: number): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  let value = (n * 2654435761 + salt) % 32 ** 6;
  let text = "";
  for (let i = 0; i < 6; i += 1) {
    text = alphabet[value % 32] + text;
    value = Math.floor(value / 32);
  }
  return text;
}

/** The n-th generated enrollment of a run, with its own wisenroll code. */
export function intakeBody(n: number, salt: number): Record<string, unknown> {
  const enrollment = generateEnrollment(n, salt);
  (enrollment.client_info as Record<string, unknown>).wisenroll_code = codeFor(n, salt);
  return enrollment;
}

/** autocannon's request list for POSTing new enrollments with `key`, a fresh body each time. */
export function intakeRequests(key: string, salt: number): autocannon.Request[] {
  let n = 0;
  return [
    {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
      setupRequest: (request) => ({ ...request, body: JSON.stringify(intakeBody(n++, salt)) }),
    },
  ];
}

/** A user the benchmarks sign in as (password `bench-password`), an officer unless told otherwise; returns its id. */
export async function createBenchUser(client: pg.Client, role: "officer" | "compliance" = "officer"): Promise<string> {
  const id = crypto.randomUUID();
  // an officer of every branch the generator makes (lib/enrollment/generate.ts): the queue's branch scope filters nothing out
  await client.query(
    `INSERT INTO users (id, username, display_name, role, password_hash, branches, updated_at) VALUES ($1, 'bench', 'Bench', $2, $3, ARRAY['01','02','03','04','05','06'], now())`,
    [id, role, await hashPassword("bench-password")],
  );
  return id;
}

/** Resident memory (bytes) of a process and all its descendants, from /proc (Linux). */
export function processTreeRss(rootPid: number): number {
  const parents = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // The command name may hold spaces and parentheses: the fields after the last ")" are fixed.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // the process ended while we looked
    }
  }
  const tree = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (tree.has(ppid) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  let total = 0;
  for (const pid of tree) {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
      if (match) total += Number(match[1]) * 1024;
    } catch {
      // gone
    }
  }
  return total;
}

/** Signs in through next-auth's credentials endpoint; returns the session cookie. */
export async function signIn(baseUrl: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ username: "bench", password: "bench-password", csrfToken, json: "true" }),
  });
  const session = response.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c?.includes("session-token"));
  if (!session) throw new Error("bench sign-in failed");
  return session;
}

