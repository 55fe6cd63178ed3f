// What the standalone services (scripts/intake-server.ts, scripts/webhook-server.ts) share: they
// answer JSON only, with the same security headers as the console's API routes, and read a body
// no further than its limit.
import type http from "node:http";

/** JSON answers never load or run anything, are never cached, and are never framed. */
export const SERVICE_HEADERS: Readonly<Record<string, string>> = {
  "Content-Type": "application/json",
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
  "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
  "Referrer-Policy": "no-referrer",
};

/** Writes one JSON answer with the service headers (and `headers`, which win). */
export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...SERVICE_HEADERS, ...headers }).end(JSON.stringify(body));
}

/** The body, or null once it passes `limit` bytes (the rest is drained, not kept). */
export function readLimited(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers["content-length"] ?? 0) > limit) return resolve(null);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) {
        req.removeAllListeners("data");
        req.resume();
        resolve(null);
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** `GET /healthz` for supervisors and load balancers; true when it answered. */
export function answerHealth(req: http.IncomingMessage, res: http.ServerResponse, path: string): boolean {
  if (req.method !== "GET" || path !== "/healthz") return false;
  res.writeHead(200, { "Content-Type": "text/plain" }).end("ok");
  return true;
}
