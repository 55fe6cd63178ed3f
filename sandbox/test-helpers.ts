// Shared by the sandbox tests: fixtures, auth headers, and a local webhook receiver.
import { readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders } from "node:http";
import { closeServer, listen, readBody } from "./http";

export const CORE_USER = "console";
export const CORE_PASS = "test-core-secret";
export const AMLYZE_TOKEN = "test-amlyze-token";
export const WEBHOOK_SECRET = "test-webhook-secret";

export type TJson = Record<string, unknown>;

export function readFixture(n: 1 | 2 | 3): TJson {
  return JSON.parse(readFileSync(new URL(`../fixtures/enrollments/seed-example-${n}.json`, import.meta.url), "utf8")) as TJson;
}

export function readSeed(prefix: string): string {
  const dir = new URL("../docs/seeds/", import.meta.url);
  const names: Record<string, string> = { "000": "000_7041fd87bcb4c07c.txt", "003": "003_21f5c0d58daec635.txt", "004": "004_826c08543524c3c9.txt" };
  const name = names[prefix];
  if (!name) throw new Error(`unknown seed ${prefix}`);
  return readFileSync(new URL(name, dir), "utf8");
}

export const basic = (user = CORE_USER, pass = CORE_PASS) => `Basic ${Buffer.from(`${user}:${pass}`).toString("base64")}`;

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}, signal?: AbortSignal) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
    signal,
  });
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = JSON.parse(text);
  } catch {
    // Left undefined: several tests are about bodies that are not JSON.
  }
  return { status: res.status, text, json: json as TJson | undefined, headers: res.headers };
}

export type TReceived = { headers: IncomingHttpHeaders; raw: string; json: TJson };

/** A webhook receiver that answers `failFirst` requests with 500, then 204; `hang` never answers. */
export async function startReceiver(opts: { failFirst?: number; hang?: boolean } = {}) {
  const received: TReceived[] = [];
  let failures = opts.failFirst ?? 0;
  const server = createServer((req, res) => {
    readBody(req).then((raw) => {
      if (opts.hang) return;
      if (failures > 0) {
        failures -= 1;
        res.writeHead(500).end("receiver down");
        return;
      }
      received.push({ headers: req.headers, raw, json: JSON.parse(raw) as TJson });
      res.writeHead(204).end();
    }, () => res.writeHead(400).end());
  });
  const url = await listen(server, 0);
  return { url: `${url}/api/v1/amlyze/events`, received, close: () => closeServer(server) };
}
