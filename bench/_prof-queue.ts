import { spawn } from "node:child_process";
import autocannon from "autocannon";
import pg from "pg";
import { createBenchUser, scratchDatabase, signIn } from "./harness";
async function main() {
  const db = await scratchDatabase("prof_queue");
  const c = new pg.Client({ connectionString: db.url }); c.on("error", () => {}); await c.connect(); await createBenchUser(c); await c.end();
  // a few hundred enrollments via the seed's generator would be nicer; the page renders 0..50 rows either way
  const child = spawn("node", ["node_modules/next/dist/bin/next", "start", "-p", "3240"], { env: { ...process.env, DATABASE_URL: db.url, NEXTAUTH_URL: "http://127.0.0.1:3240", ALLOW_DEV_SECRET: "1", LOG_LEVEL: "warn", INTAKE_API_KEYS: "prof-key-0123456789", NODE_OPTIONS: "--require /tmp/prof.cjs", PROF_MS: "22000" }, stdio: "inherit" });
  for (;;) { try { if ((await fetch("http://127.0.0.1:3240/login")).ok) break; } catch {} await new Promise((r) => setTimeout(r, 300)); }
  const { intakeRequests } = await import("./harness");
  await autocannon({ url: "http://127.0.0.1:3240/api/v1/enrollments", connections: 10, amount: 500, requests: intakeRequests("prof-key-0123456789", 77) });
  const cookie = await signIn("http://127.0.0.1:3240");
  const r = await autocannon({ url: "http://127.0.0.1:3240/queue", connections: 10, duration: 10, headers: { cookie } });
  console.log(`queue: ${r.requests.average} req/s p50 ${r.latency.p50} non2xx ${r.non2xx}`);
  const html = await (await fetch("http://127.0.0.1:3240/queue", { headers: { cookie } })).text();
  console.log(`queue HTML ${html.length} bytes`);
  await new Promise((r) => setTimeout(r, 12000));
  child.kill("SIGINT");
  await new Promise((r) => setTimeout(r, 3000));
  await db.drop();
}
main();
