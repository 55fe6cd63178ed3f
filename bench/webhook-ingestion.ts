// AMLYZE webhook ingestion, events/s, on two paths in the same run, each beside baselines measured
// in that run (the machine is shared and noisy: compare the ratios, not the absolute figures):
// - the console's Next.js route, POST /api/v1/amlyze/events on the production build (`next start`);
// - the standalone webhook service (`npm run webhooks`, scripts/webhook-server.ts), same handler.
// Baselines: a trivial node:http server answering {} (the HTTP floor of this machine with this
// load generator) and, per path, the same requests with a wrong signature (HMAC checked, 401,
// nothing parsed or stored). Per path: one signed CloudEvent per request (20 concurrent clients,
// loopback), the same events again (all duplicates), and batches of 20 events per request.
// Checks at the end that every event was stored once and every customer's view counted each of
// its events once.
// Run: npm run bench:webhooks   (BENCH_EVENTS, BENCH_CONNECTIONS, BENCH_PORT override the defaults;
// the service and the echo server listen on BENCH_PORT + 1 and + 2)
import { spawn, type ChildProcess } from "node:child_process";
import autocannon from "autocannon";
import pg from "pg";
import { signWebhookBody } from "@/lib/aml/webhook-signing";
import { buildEvents } from "@/sandbox/amlyze/events";
import { scratchDatabase, startConsole } from "./harness";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 9_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const PORT = Number(process.env.BENCH_PORT ?? 3220);
const SECRET = "bench-webhook-secret-7f3e";
const BATCH = 20;
const NAMES = ["MARTINEZ", "SANCTIONED", "POLITICO", "ADVERSO", "PEREZ", "GOMEZ", "DIAZ", "TORRES"];
const PATH = "/api/v1/amlyze/events";

type TDelivery = { body: string; signature: string };

/** Nine events per customer, as the sandbox AMLYZE makes them; customers interleaved, like live traffic. */
function makeEvents(count: number, salt: number) {
  const customers = Math.ceil(count / 9);
  const perCustomer = Array.from({ length: customers }, (_, i) =>
    buildEvents({
      communicationNumber: `EC-bench-${salt}-${i}`,
      requester: "financial_institution",
      riskManagementCategory: "FAST",
      entityType: "INDIVIDUAL",
      customerExtId: String(salt + i),
      firstName: "BENCH",
      lastName: NAMES[i % NAMES.length]!,
      customerStatus: "ACTIVE",
    }),
  );
  const events = [];
  for (let step = 0; step < 9; step += 1) for (const list of perCustomer) if (events.length < count && list[step]) events.push(list[step]!);
  return { events, customers, salt };
}

const sign = (body: string): TDelivery => ({ body, signature: signWebhookBody(SECRET, body) });

async function blast(url: string, deliveries: TDelivery[], contentType: string, wrongSignature = false) {
  let next = 0;
  const started = performance.now();
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    amount: deliveries.length,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => {
          const delivery = deliveries[next++ % deliveries.length]!;
          const signature = wrongSignature ? signWebhookBody("not-the-secret", delivery.body) : delivery.signature;
          return { ...request, body: delivery.body, headers: { "content-type": contentType, "x-amlyze-signature": signature } };
        },
      },
    ],
  });
  const seconds = (performance.now() - started) / 1000;
  return { result, seconds, perSecond: deliveries.length / seconds };
}

type TRun = Awaited<ReturnType<typeof blast>>;

/** A child process serving `url`; resolves once it answers. */
async function startChild(command: string, args: string[], env: Record<string, string>, probe: string): Promise<ChildProcess> {
  const child = spawn(command, args, { env: { ...process.env, LOG_LEVEL: "warn", ...env }, stdio: ["ignore", "ignore", "inherit"], detached: true });
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(probe)).ok) return child;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${args.join(" ")} did not start within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const stopChild = (child: ChildProcess | undefined) => {
  if (child?.pid) process.kill(-child.pid, "SIGTERM");
};

// The HTTP floor: node:http answering {} to every POST, nothing else (a separate process, like the others).
const ECHO_SERVER = `require("node:http").createServer((q, s) => { q.resume(); q.on("end", () => s.writeHead(200, { "content-type": "application/json" }).end("{}")); }).listen(Number(process.argv[1]), "127.0.0.1");`;

/** One path: floor (wrong signature), singles, duplicates, batches. */
async function measurePath(url: string, salt: number) {
  const single = makeEvents(EVENTS, salt);
  const singles = single.events.map((event) => sign(JSON.stringify(event)));
  // Warm the path (first requests load its code) with events of customers not counted below.
  await blast(url, makeEvents(200, salt + 5_000_000).events.map((event) => sign(JSON.stringify(event))), "application/cloudevents+json");
  const floor = await blast(url, singles.slice(0, Math.min(singles.length, 5_000)), "application/cloudevents+json", true);
  const ingest = await blast(url, singles, "application/cloudevents+json");
  const duplicates = await blast(url, singles, "application/cloudevents+json");
  const batched = makeEvents(EVENTS, salt + 7_000_000);
  const batches: TDelivery[] = [];
  for (let i = 0; i < batched.events.length; i += BATCH) batches.push(sign(JSON.stringify(batched.events.slice(i, i + BATCH))));
  const batch = await blast(url, batches, "application/cloudevents-batch+json");
  return { single, floor, ingest, duplicates, batch };
}

async function check(url: string, salt: number, customers: number, events: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ events: number; customers: number; wrong: number }>(
      `SELECT (SELECT count(*)::int FROM aml_events WHERE customer_ext_id::bigint BETWEEN $1 AND $2) AS events,
              (SELECT count(*)::int FROM aml_customers WHERE customer_ext_id::bigint BETWEEN $1 AND $2) AS customers,
              (SELECT count(*)::int FROM aml_customers WHERE customer_ext_id::bigint BETWEEN $1 AND $2 AND event_count <> 9) AS wrong`,
      [salt, salt + customers - 1],
    );
    const found = rows[0]!;
    console.log(`  stored: ${found.events} events for ${found.customers} customers; customers whose view did not count exactly 9 events: ${found.wrong}`);
    if (found.events !== events || found.customers !== customers || found.wrong !== 0) throw new Error("ingestion lost or doubled events");
  } finally {
    await client.end();
  }
}

const line = (name: string, run: TRun, unit: string, factor: number, echo: number) =>
  console.log(
    `  ${name}: ${(run.perSecond * factor).toFixed(0)} ${unit}/s (${((run.perSecond * factor) / echo).toFixed(2)} × echo; ${run.result["2xx"]} 2xx, ${run.result.non2xx} non-2xx, ${run.result.errors} errors, p50 ${run.result.latency.p50} ms, p99 ${run.result.latency.p99} ms)`,
  );

async function main() {
  const db = await scratchDatabase("bench_webhooks");
  const env = { AMLYZE_WEBHOOK_SECRET: SECRET, DB_POOL_MAX: String(CONNECTIONS) };
  let echo: ChildProcess | undefined;
  let service: ChildProcess | undefined;
  const consoleServer = await startConsole({ databaseUrl: db.url, port: PORT, env });
  try {
    echo = await startChild(process.execPath, ["-e", ECHO_SERVER, String(PORT + 2)], {}, `http://127.0.0.1:${PORT + 2}/`);
    service = await startChild(
      "npx",
      ["tsx", "--conditions=react-server", "scripts/webhook-server.ts"],
      { ...env, DATABASE_URL: db.url, WEBHOOK_PORT: String(PORT + 1), DB_PG_POOL_MAX: "10" },
      `http://127.0.0.1:${PORT + 1}/healthz`,
    );

    const echoUrl = `http://127.0.0.1:${PORT + 2}${PATH}`;
    await blast(echoUrl, makeEvents(500, 1).events.map((e) => sign(JSON.stringify(e))), "application/cloudevents+json");
    const echoRun = await blast(echoUrl, makeEvents(10_000, 1).events.map((e) => sign(JSON.stringify(e))), "application/cloudevents+json");
    const echoRate = echoRun.perSecond;

    const base = 10_000_000 + (Date.now() % 1_000_000) * 100;
    const salts = { next: base, service: base + 20_000_000 };
    const results = { next: await measurePath(`${consoleServer.baseUrl}${PATH}`, salts.next), service: await measurePath(`http://127.0.0.1:${PORT + 1}${PATH}`, salts.service) };

    console.log(`machine load average: ${(await import("node:os")).loadavg().map((l) => l.toFixed(1)).join(" ")} (2 cores; load generator on the same cores)`);
    console.log(`baseline, trivial node:http server answering {}: ${echoRate.toFixed(0)} requests/s (p50 ${echoRun.result.latency.p50} ms)`);
    for (const [name, label] of [
      ["next", "console's Next.js route"],
      ["service", "standalone webhook service (npm run webhooks)"],
    ] as const) {
      const r = results[name];
      console.log(`${label}:`);
      line("floor (wrong signature: HMAC checked, 401, nothing stored)", r.floor, "requests", 1, echoRate);
      line(`one event per request (${r.single.events.length} events, ${r.single.customers} customers)`, r.ingest, "events", 1, echoRate);
      line("the same events again (all duplicates)", r.duplicates, "events", 1, echoRate);
      line(`batches of ${BATCH} events per request`, r.batch, "events", BATCH, echoRate);
      console.log(`  one event per request / this path's floor: ${(r.ingest.perSecond / r.floor.perSecond).toFixed(2)} (target: >= 1,000 events/s)`);
      await check(db.url, salts[name], r.single.customers, r.single.events.length);
    }
    console.log(
      `standalone / Next.js, one event per request: ${(results.service.ingest.perSecond / results.next.ingest.perSecond).toFixed(2)}; floors: ${(results.service.floor.perSecond / results.next.floor.perSecond).toFixed(2)}`,
    );
  } finally {
    stopChild(service);
    stopChild(echo);
    consoleServer.stop();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await db.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
