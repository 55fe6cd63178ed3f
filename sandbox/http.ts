// Small node:http helpers shared by the core and AMLYZE sandboxes.
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** Structural subset of a pino logger, so the servers do not depend on pino themselves. */
export type TSandboxLogger = {
  info: (obj: object, msg?: string) => void;
  warn: (obj: object, msg?: string) => void;
};

export type TJsonParse = { ok: true; value: unknown } | { ok: false };

/** Bodies larger than this are refused: a sandbox must not be an easy way to exhaust memory. */
export const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {}

export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > limit) throw new BodyTooLargeError(`body larger than ${limit} bytes`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function parseJson(text: string): TJsonParse {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  sendRaw(res, status, JSON.stringify(body), "application/json; charset=utf-8");
}

export function sendRaw(res: ServerResponse, status: number, text: string, contentType: string): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { "Content-Type": contentType, "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  // Length check first: timingSafeEqual throws on different lengths.
  return left.length === right.length && timingSafeEqual(left, right);
}

export function checkBasicAuth(req: IncomingMessage, username: string, password: string): boolean {
  const header = req.headers.authorization ?? "";
  const match = /^Basic\s+(\S+)$/i.exec(header);
  if (!match?.[1]) return false;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return false;
  // Evaluate both halves so the response time does not reveal which one was wrong.
  const userOk = safeEqual(decoded.slice(0, colon), username);
  const passOk = safeEqual(decoded.slice(colon + 1), password);
  return userOk && passOk;
}

export function checkBearerAuth(req: IncomingMessage, token: string): boolean {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "");
  return Boolean(match?.[1]) && safeEqual(match?.[1] ?? "", token);
}

/** Drops the connection without any HTTP response; RST where the platform allows it. */
export function resetConnection(req: IncomingMessage): void {
  const socket = req.socket;
  if (typeof socket.resetAndDestroy === "function") socket.resetAndDestroy();
  else socket.destroy();
}

/**
 * Timers owned by a sandbox. Cancelling resolves pending sleeps with `false`, so handlers
 * stop instead of answering on a closed server, and tests never inherit a live timer.
 */
export class TimerSet {
  private readonly pending = new Map<NodeJS.Timeout, (fired: boolean) => void>();

  sleep(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(timer);
        resolve(true);
      }, ms);
      this.pending.set(timer, resolve);
    });
  }

  cancelAll(): void {
    for (const [timer, resolve] of this.pending) {
      clearTimeout(timer);
      resolve(false);
    }
    this.pending.clear();
  }
}

export function listen(server: Server, port = 0, host = "127.0.0.1"): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address() as AddressInfo;
      resolve(`http://${host}:${address.port}`);
    });
  });
}

/** Closes a server including held (timeout-fault) and keep-alive connections. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Logs one line per request: method, path, status, duration. Never headers or bodies. */
export function logRequests(req: IncomingMessage, res: ServerResponse, logger: TSandboxLogger | undefined, name: string): void {
  if (!logger) return;
  const started = process.hrtime.bigint();
  const done = (outcome: string) => () => {
    const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
    const status = res.headersSent ? res.statusCode : null;
    logger.info({ sandbox: name, method: req.method, path: req.url, status, outcome, durationMs }, "request");
  };
  res.once("finish", done("answered"));
  res.once("close", () => {
    if (!res.writableFinished) done("no-response")();
  });
}
