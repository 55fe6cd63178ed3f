// First-load JavaScript of the enrollment detail page (as an officer, with the edit forms):
// every script the HTML loads, gzipped, beside the login page in the same run.
// Run: npm run bench:page-weight
import fs from "node:fs";
import zlib from "node:zlib";
import pg from "pg";
import { createBenchUser, scratchDatabase, signIn, startConsole } from "./harness";

async function scriptsOf(html: string, baseUrl: string, cookie: string | null) {
  // noModule scripts (the legacy polyfills) are never fetched by the browsers the console supports.
  const tags = [...html.matchAll(/<script[^>]+src="([^"]+)"[^>]*>/g)].filter((m) => !/\bnomodule\b/i.test(m[0]));
  const sources = [...new Set(tags.map((m) => m[1]!))];
  let raw = 0;
  let gzipped = 0;
  for (const src of sources) {
    const response = await fetch(new URL(src, baseUrl), { headers: cookie ? { cookie } : {} });
    const body = Buffer.from(await response.arrayBuffer());
    raw += body.length;
    const size = zlib.gzipSync(body, { level: 9 }).length;
    gzipped += size;
    if (process.env.BENCH_VERBOSE) console.log(`  ${(size / 1024).toFixed(1).padStart(6)} kB  ${src}`);
  }
  return { files: sources.length, raw, gzipped };
}

async function main() {
  const db = await scratchDatabase("bench_weight");
  const client = new pg.Client({ connectionString: db.url });
  client.on("error", () => {});
  await client.connect();
  await createBenchUser(client);
  const body = fs.readFileSync("fixtures/enrollments/seed-example-1.json", "utf8");
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO enrollments (id, received_payload, payload, content_hash, full_name, updated_at)
     VALUES (gen_random_uuid(), $1::jsonb, $1::jsonb, md5($1::text) || md5($1::text), 'LUIS MARTINEZ', now()) RETURNING id`,
    [body],
  );
  await client.end();
  const server = await startConsole({ databaseUrl: db.url, port: 3230 });
  try {
    const cookie = await signIn(server.baseUrl);
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
    const login = await scriptsOf(await (await fetch(`${server.baseUrl}/login`)).text(), server.baseUrl, null);
    const detailHtml = await (await fetch(`${server.baseUrl}/enrollments/${rows[0]!.id}`, { headers: { cookie } })).text();
    if (!detailHtml.includes("client_contact")) throw new Error("the detail page did not render");
    const detail = await scriptsOf(detailHtml, server.baseUrl, cookie);
    console.log(`login page first-load JS (baseline): ${login.files} files, ${kb(login.raw)} raw, ${kb(login.gzipped)} gzipped`);
    console.log(`detail page first-load JS:           ${detail.files} files, ${kb(detail.raw)} raw, ${kb(detail.gzipped)} gzipped`);
    console.log(`ratio detail/login (gzipped): ${(detail.gzipped / login.gzipped).toFixed(2)} (target: detail <= 250 kB gzipped)`);
  } finally {
    await server.stop();
    await db.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
