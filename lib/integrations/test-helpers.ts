// Shared by the integration tests: fixtures, a log capture, a closed port and a raw receiver.
// Not imported by production code.
import { readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { TExchange, TOutcome } from "./http/base-client";
import type { AddressInfo } from "node:net";
import pino from "pino";

export const CORE_USER = "console-it";
export const CORE_PASS = "core-Pa55-7f3a9c";
export const AMLYZE_TOKEN = "amlyze-tok-91be44d2";

export type TFixture = Record<string, unknown>;

export function readFixture(n: 1 | 2 | 3): TFixture {
  const url = new URL(`../../fixtures/enrollments/seed-example-${n}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, "utf8")) as TFixture;
}

/** A pino logger writing into memory, deliberately without the app's redaction: any leak shows. */
export function captureLogs() {
  const lines: string[] = [];
  const logger = pino({ level: "trace" }, { write: (chunk: string) => void lines.push(chunk) });
  return { logger, lines, text: () => lines.join("") };
}

/** A URL on which nothing listens: a port that was free a moment ago. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

export type TReceived = { method: string; url: string; headers: IncomingHttpHeaders; raw: Buffer };

/** Records every request byte for byte and answers with the given status and body. */
export async function startRawReceiver(status = 201, body = '{"customer_number":42}') {
  const received: TReceived[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, raw: Buffer.concat(chunks) });
      res.writeHead(status, { "Content-Type": "application/json" }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A recorded exchange of the given outcome, for testing the mappings without a server. */
export function exchangeOf(outcome: TOutcome, url = "http://service/x"): TExchange {
  return { requestBody: "{}", url, startedAt: "2024-01-01T00:00:00.000Z", durationMs: 1, outcome };
}

/** A recorded HTTP response, its body parsed as JSON when it is JSON (as sendJson does). */
export function responseOf(status: number, rawBody: string, url?: string): TExchange {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    json = undefined;
  }
  return exchangeOf({ kind: "response", status, rawBody, json }, url);
}
