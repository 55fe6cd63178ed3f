// A child process kept running: restarted with a growing pause when it exits unexpectedly (as
// scripts/web-server.mjs does for its web workers), stopped with its whole process tree on
// request. Each child leads a process group of its own, so a stop reaches whatever it started
// (tsx's loader, a grandchild) and Ctrl-C in a terminal reaches only the supervisor, which stops
// the children in order instead of all at once.
import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";

/** How a supervised process is run and restarted. */
export type TSupervisedOptions = {
  /** Named in the log lines. */
  name: string;
  command: string;
  args: readonly string[];
  env: NodeJS.ProcessEnv;
  stdio?: StdioOptions;
  /** The first pause before a restart; it doubles with each quick exit (default 1 s). */
  baseDelayMs?: number;
  /** The longest pause (default 30 s). */
  maxDelayMs?: number;
  /** A process that ran this long before exiting was healthy: its next start is at once (default 60 s). */
  healthyAfterMs?: number;
  /** How long a stop waits after SIGTERM before SIGKILL (default 15 s). */
  stopTimeoutMs?: number;
};

export type TSupervised = {
  /** The running child's pid, if one runs. */
  pid: () => number | undefined;
  /** Stops restarting, sends SIGTERM to the child's group, SIGKILL after the timeout; resolves once it exited. */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
};

/**
 * The pause before the next start, given how many times in a row the process exited before it
 * was healthy: 0 after a healthy run, then base, 2×base, 4×base… up to max.
 */
export function restartDelay(quickExits: number, baseMs: number, maxMs: number): number {
  if (quickExits <= 0) return 0;
  return Math.min(maxMs, baseMs * 2 ** (quickExits - 1));
}

function log(level: number, msg: string, fields: Record<string, unknown>) {
  // One JSON line, the shape of the rest of the console's logs (pino's).
  const line = JSON.stringify({ level, time: Date.now(), pid: process.pid, service: "supervisor", msg, ...fields });
  (level >= 50 ? process.stderr : process.stdout).write(`${line}\n`);
}

/** Signals a whole process group; a group already gone is not an error. */
export function signalGroup(pid: number | undefined, signal: NodeJS.Signals) {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

export function superviseProcess(options: TSupervisedOptions): TSupervised {
  const { name, baseDelayMs = 1_000, maxDelayMs = 30_000, healthyAfterMs = 60_000, stopTimeoutMs = 15_000 } = options;
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let stopping = false;
  let quickExits = 0;
  let restartTimer: NodeJS.Timeout | undefined;

  const start = () => {
    const startedAt = Date.now();
    const current = spawn(options.command, [...options.args], { env: options.env, stdio: options.stdio ?? "inherit", detached: true });
    child = current;
    exited = new Promise((resolve) => {
      current.once("exit", (code, signal) => {
        // Whatever it left in its group (a loader's child) goes with it.
        signalGroup(current.pid, "SIGKILL");
        child = undefined;
        resolve();
        if (stopping) return;
        quickExits = Date.now() - startedAt >= healthyAfterMs ? 0 : quickExits + 1;
        const delayMs = restartDelay(quickExits, baseDelayMs, maxDelayMs);
        log(50, `${name} exited; starting it again`, { child: name, childPid: current.pid, code, signal, delayMs });
        restartTimer = setTimeout(start, delayMs);
      });
    });
    current.once("error", (error) => log(50, `${name} could not be started`, { child: name, err: { message: error.message } }));
    log(30, `${name} started`, { child: name, childPid: current.pid });
  };
  start();

  return {
    pid: () => child?.pid,
    async stop(signal = "SIGTERM") {
      stopping = true;
      clearTimeout(restartTimer);
      const running = child;
      if (!running) return;
      signalGroup(running.pid, signal);
      const killer = setTimeout(() => {
        log(40, `${name} did not stop in time; killing it`, { child: name, childPid: running.pid });
        signalGroup(running.pid, "SIGKILL");
      }, stopTimeoutMs);
      await exited;
      clearTimeout(killer);
    },
  };
}
