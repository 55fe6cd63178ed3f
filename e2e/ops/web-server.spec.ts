import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import http from "node:http";
import net from "node:net";
import { expect, test } from "@playwright/test";

// The production web server (scripts/web-server.mjs) on a port of its own: its workers share the
// port, a worker that dies is replaced, and SIGTERM lets a request in flight finish.
const PORT = Number(process.env.E2E_WEB_SERVER_TEST_PORT ?? 3190);
const BASE = `http://127.0.0.1:${PORT}`;

function workerPids(primary: number): number[] {
  const out = execFileSync("ps", ["-o", "pid=", "--ppid", String(primary)], { encoding: "utf8" });
  return out.split("\n").map((line) => Number(line.trim())).filter((pid) => pid > 0);
}

async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    const value = await check().catch((error: unknown) => {
      last = error;
      return undefined;
    });
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last error: ${String((last as Error)?.cause ?? last)})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** GET /login on a connection of its own (the primary hands each new connection to a worker). */
function login(): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${BASE}/login`, { agent: false, timeout: 10_000 }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
      response.on("error", reject);
    });
    request.on("timeout", () => request.destroy(new Error("no answer within 10 s")));
    request.on("error", reject);
  });
}

test.describe("web server", () => {
  // Starting Next.js workers takes seconds, more on a busy machine.
  test.describe.configure({ mode: "serial", timeout: 240_000 });
  let server: ChildProcess;
  let exited: Promise<number | null>;
  const logs: string[] = [];
  /** Whether a worker has logged that it listens (the primary hands it connections from then on). */
  const ready = (pid: number) =>
    logs
      .join("")
      .split("\n")
      .some((line) => line.includes('"web worker ready"') && line.includes(`"pid":${pid},`));

  test.beforeAll(async () => {
    server = spawn(process.execPath, ["scripts/web-server.mjs"], {
      env: { ...process.env, PORT: String(PORT), WEB_HOST: "127.0.0.1", WEB_CONCURRENCY: "2", LOG_LEVEL: "warn", NEXTAUTH_URL: BASE },
      stdio: ["ignore", "pipe", "inherit"],
    });
    server.stdout!.setEncoding("utf8").on("data", (chunk: string) => logs.push(chunk));
    exited = new Promise((resolve) => server.once("exit", (code) => resolve(code)));
    await waitFor("the web server", async () => ((await fetch(`${BASE}/login`)).ok ? true : undefined), 60_000);
  });

  test.afterAll(async () => {
    if (server.exitCode === null) server.kill("SIGKILL");
  });

  test("a worker that dies is replaced, and the other serves meanwhile", async () => {
    const [first, second] = workerPids(server.pid!);
    expect(second).toBeDefined();

    // Each worker in turn is the only one left: the port keeps answering through the other. (A
    // connection the primary hands over in the instant before it learns of the death is reset.)
    const answers = () => waitFor("an answer", async () => ((await login()) === 200 ? true : undefined), 15_000);
    process.kill(first!, "SIGKILL");
    await answers();
    const replacement = await waitFor("a replacement for the first worker", async () => workerPids(server.pid!).find((pid) => pid !== first && pid !== second));
    await waitFor("the replacement to listen", async () => (ready(replacement) ? true : undefined));
    process.kill(second!, "SIGKILL");
    await answers();
    expect(await login()).toBe(200);
    await waitFor("two workers again", async () => (workerPids(server.pid!).length === 2 ? true : undefined));
    expect(workerPids(server.pid!)).toContain(replacement);
  });

  test("SIGTERM lets the requests in flight finish, then every process exits", async () => {
    const workers = workerPids(server.pid!);
    const inFlight = Array.from({ length: 20 }, () => login());
    await new Promise((resolve) => setTimeout(resolve, 30));
    server.kill("SIGTERM");
    expect(await Promise.all(inFlight)).toEqual(Array(20).fill(200));
    expect(await exited).toBe(0);
    for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
    await expect(login()).rejects.toThrow();
  });
});

test("a web server whose workers cannot listen gives up with exit code 1", async () => {
  test.setTimeout(120_000);
  // The port is taken, so every worker fails at start; after 5 such exits within a minute the
  // primary stops replacing them rather than looping.
  const taken = net.createServer().listen(PORT + 1, "127.0.0.1");
  await new Promise((resolve) => taken.once("listening", resolve));
  try {
    const server = spawn(process.execPath, ["scripts/web-server.mjs"], {
      env: { ...process.env, PORT: String(PORT + 1), WEB_HOST: "127.0.0.1", WEB_CONCURRENCY: "1", LOG_LEVEL: "warn" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    server.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => server.once("exit", resolve));
    expect(code).toBe(1);
    expect(stderr.match(/"web worker cannot listen"/g)).toHaveLength(5);
    expect(stderr).toContain("web workers keep exiting at start; stopping");
  } finally {
    taken.close();
  }
});
