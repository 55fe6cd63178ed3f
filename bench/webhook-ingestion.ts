// AMLYZE webhook ingestion: events/s through POST /api/v1/amlyze/events on the production build
// (signed, one CloudEvent per request, 20 concurrent clients, loopback), beside the floor of the
// same route in the same run: the same requests with a wrong signature (HMAC checked, 401, nothing
// parsed or stored). Then the same events again (all duplicates), and batches of 20 events per
// request (application/cloudevents-batch+json). Checks at the end that every event was stored
// once and every customer's view counted each of its events once.
// Run: npm run bench:webhooks   (BENCH_EVENTS, BENCH_CONNECTIONS, BENCH_PORT override the defaults)
import crypto from "node:crypto";
import autocannon from "autocannon";
import pg from "pg";
import { signWebhookBody } from "@/lib/aml/webhook-auth";
import { buildEvents } from "@/sandbox/amlyze/events";
import { scratchDatabase, startConsole } from "./harness";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 18_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const PORT = Number(process.env.BENCH_PORT ?? 3220);
const SECRET = "bench-webhook-secret-7f3e";
const BATCH = 20;
const NAMES = ["MARTINEZ", "SANCTIONED", "POLITICO", "ADVERSO", "PEREZ", "GOMEZ", "DIAZ", "TORRES"];

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
  return { events, customers };
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

async function main() {
  const db = await scratchDatabase("bench_webhooks");
  const server = await startConsole({ databaseUrl: db.url, port: PORT, env: { AMLYZE_WEBHOOK_SECRET: SECRET, DB_POOL_MAX: String(CONNECTIONS) } });
  const url = `${server.baseUrl}/api/v1/amlyze/events`;
  try {
    const salt = 10_000_000 + (Date.now() % 1_000_000) * 100;
    const single = makeEvents(EVENTS, salt);
    const singles = single.events.map((event) => sign(JSON.stringify(event)));
    // Warm the route (first requests load its code) with events of customers not counted below.
    await blast(url, makeEvents(200, salt + 5_000_000).events.map((event) => sign(JSON.stringify(event))), "application/cloudevents+json");

    const floor = await blast(url, singles.slice(0, Math.min(singles.length, 5_000)), "application/cloudevents+json", true);
    const ingest = await blast(url, singles, "application/cloudevents+json");
    const duplicates = await blast(url, singles, "application/cloudevents+json");

    const batched = makeEvents(EVENTS, salt + 7_000_000);
    const batches: TDelivery[] = [];
    for (let i = 0; i < batched.events.length; i += BATCH) batches.push(sign(JSON.stringify(batched.events.slice(i, i + BATCH))));
    const batch = await blast(url, batches, "application/cloudevents-batch+json");

    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const stored = await client.query<{ events: number; customers: number; wrong: number }>(
      `SELECT (SELECT count(*)::int FROM aml_events WHERE customer_ext_id::bigint BETWEEN $1 AND $2) AS events,
              (SELECT count(*)::int FROM aml_customers WHERE customer_ext_id::bigint BETWEEN $1 AND $2) AS customers,
              (SELECT count(*)::int FROM aml_customers WHERE customer_ext_id::bigint BETWEEN $1 AND $2 AND event_count <> 9) AS wrong`,
      [salt, salt + single.customers - 1],
    );
    await client.end();

    const line = (name: string, run: Awaited<ReturnType<typeof blast>>, unit: string, factor = 1) =>
      console.log(
        `${name}: ${(run.perSecond * factor).toFixed(0)} ${unit}/s (${run.result["2xx"]} 2xx, ${run.result.non2xx} non-2xx, ${run.result.errors} errors, p50 ${run.result.latency.p50} ms, p99 ${run.result.latency.p99} ms)`,
      );
    line("route floor (wrong signature: HMAC checked, 401, nothing stored)", floor, "requests");
    line(`ingestion, one event per request (${singles.length} events, ${single.customers} customers)`, ingest, "events");
    line("the same events again (all duplicates)", duplicates, "events");
    line(`batches of ${BATCH} events per request`, batch, "events", BATCH);
    console.log(`ratio ingestion/floor: ${(ingest.perSecond / floor.perSecond).toFixed(2)}; batched events/s over floor requests/s: ${((batch.perSecond * BATCH) / floor.perSecond).toFixed(2)} (target: >= 1,000 events/s)`);
    const check = stored.rows[0]!;
    console.log(`stored: ${check.events} events for ${check.customers} customers; customers whose view did not count exactly 9 events: ${check.wrong}`);
    if (check.events !== singles.length || check.customers !== single.customers || check.wrong !== 0) throw new Error("ingestion lost or doubled events");
  } finally {
    server.stop();
    await db.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
