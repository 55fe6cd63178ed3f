// The console's production web server: the production build's request handler (what `next start`
// serves) in one process per core. A Next.js process renders on one thread, so `next start` uses
// one core of a machine however many it has; node:cluster runs WEB_CONCURRENCY copies that share
// the listening socket (the primary hands each new connection to the next worker in turn).
// Workers share nothing but PostgreSQL, exactly like instances behind a load balancer.
//
//   PORT              port to listen on (3000)
//   WEB_HOST          address to listen on (0.0.0.0)
//   WEB_CONCURRENCY   worker processes (the number of cores this process may use)
//
// A worker that dies is replaced (with a growing pause if it keeps dying at once); SIGTERM or
// SIGINT lets the requests in flight and on their way finish, then exits.
import cluster from "node:cluster";
import http from "node:http";
import os from "node:os";
import process from "node:process";

// The database connections' name in pg_stat_activity (lib/db/application-name.ts); workers inherit it.
process.env.PGAPPNAME ||= "enrollment-console web";
const port = Number(process.env.PORT ?? 3000);
const host = process.env.WEB_HOST || "0.0.0.0";
const workers = Number(process.env.WEB_CONCURRENCY || os.availableParallelism());
/** How long a stopping worker may take to finish its requests. */
const DRAIN_MS = 10_000;
/** How long a stopping worker must have had nothing in flight before it closes. */
const QUIET_MS = 300;

function log(level, msg, fields = {}) {
  // One JSON line, like the rest of the console's logs (pino's shape).
  const line = JSON.stringify({ level, time: Date.now(), pid: process.pid, service: "web", msg, ...fields });
  (level >= 50 ? process.stderr : process.stdout).write(`${line}\n`);
}

if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error("PORT must be a port number");
if (!Number.isInteger(workers) || workers < 1) throw new Error("WEB_CONCURRENCY must be a whole number of at least 1");

if (cluster.isPrimary) {
  process.env.NODE_ENV ??= "production";
  let stopping = false;
  const quickDeaths = [];
  const live = () => Object.values(cluster.workers ?? {}).filter(Boolean);

  const fork = () => {
    const worker = cluster.fork();
    worker.startedAt = Date.now();
  };

  // The signal itself, not cluster's worker.kill(): that first cuts the worker's IPC channel,
  // which closes its server at once and drops the connections whose requests are still unread.
  // The process exits with process.exitCode once the last worker has (see the exit handler).
  const stopWorkers = () => {
    stopping = true;
    for (const worker of live()) worker.process.kill("SIGTERM");
    if (live().length === 0) process.exit();
    setTimeout(() => process.exit(), DRAIN_MS + 2_000).unref();
  };

  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (live().length === 0) process.exit();
      return;
    }
    // A worker that cannot even start (bad environment, port taken) would otherwise respawn in a
    // tight loop: pause longer each time it happens again within a minute, and give up after 5.
    const now = Date.now();
    if (now - worker.startedAt < 10_000) quickDeaths.push(now);
    while (quickDeaths.length > 0 && now - quickDeaths[0] > 60_000) quickDeaths.shift();
    const exited = { workerPid: worker.process.pid, code, signal };
    if (quickDeaths.length >= 5) {
      log(60, "web workers keep exiting at start; stopping", exited);
      process.exitCode = 1;
      stopWorkers();
      return;
    }
    log(50, "web worker exited; starting another", exited);
    setTimeout(fork, 250 * 2 ** quickDeaths.length);
  });

  const stop = (signal) => {
    if (stopping) return;
    log(30, "stopping web workers", { signal });
    stopWorkers();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));

  for (let i = 0; i < workers; i += 1) fork();
  log(30, "web server starting", { port, host, workers });
} else {
  log(30, "web worker starting");
  // Next.js gives the console no socket: each request carries its peer's address in a header that
  // only this server writes (lib/http/request-address.ts reads it only when this is set).
  process.env.CONSOLE_PEER_HEADER = "1";
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: process.cwd(), hostname: host, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  let stopping = false;
  let inFlight = 0;
  let lastAnswer = Date.now();
  const server = http.createServer((req, res) => {
    req.headers["x-console-peer"] = req.socket.remoteAddress ?? "";
    inFlight += 1;
    res.once("close", () => {
      inFlight -= 1;
      lastAnswer = Date.now();
    });
    // While stopping, every answer ends its connection, so keep-alive clients reconnect elsewhere.
    if (stopping) res.setHeader("connection", "close");
    handle(req, res).catch((error) => {
      log(50, "request failed", { err: { message: error?.message, stack: error?.stack } });
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  // Next.js keeps a process alive through an uncaught error, so a port it cannot have would leave
  // a worker that serves nothing: it exits instead, and the primary's give-up rule applies.
  server.on("error", (error) => {
    log(60, "web worker cannot listen", { err: { message: error.message, code: error.code } });
    process.exit(1);
  });
  server.listen(port, host, () => log(30, "web worker ready", { port }));
  // The primary sends SIGTERM to stop; Ctrl-C in a terminal reaches every process of the group,
  // so a worker ignores SIGINT and waits for the primary's word.
  process.on("SIGINT", () => {});
  process.on("SIGTERM", () => {
    if (stopping) return;
    stopping = true;
    // Closing at once would drop what is already on its way: connections the primary has accepted
    // but not yet handed over, and requests still unread in a socket while another renders. So
    // the worker goes on answering (each answer closing its connection; a load balancer stops
    // sending new ones meanwhile) until nothing has been in flight for QUIET_MS, then closes.
    const quiet = setInterval(() => {
      if (inFlight > 0 || Date.now() - lastAnswer < QUIET_MS) return;
      clearInterval(quiet);
      server.close(() => process.exit(0));
      server.closeAllConnections();
    }, 50);
    setTimeout(() => process.exit(0), DRAIN_MS).unref();
  });
}
