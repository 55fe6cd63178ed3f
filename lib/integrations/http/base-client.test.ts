import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { captureLogs, closedPortUrl, startRawReceiver } from "../test-helpers";
import { redactUrl, sendJson, type TSendJsonOptions } from "./base-client";
import { classifyFetchError } from "./classify-error";
import { IntegrationError } from "./errors";
import { readable } from "@/tests/reason-text";

const SECRET = "s3cr3t-P4ss-base";
const BASIC = { kind: "basic", username: "console", password: SECRET } as const;
const basicHeader = `Basic ${Buffer.from(`console:${SECRET}`).toString("base64")}`;

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function receiver(status?: number, body?: string) {
  const r = await startRawReceiver(status, body);
  cleanups.push(r.close);
  return r;
}

/** A server whose handler decides how to misbehave once the request body has arrived. */
async function misbehaving(onRequest: (req: import("node:http").IncomingMessage) => void): Promise<string> {
  const server: Server = createServer((req) => {
    req.resume();
    req.on("end", () => onRequest(req));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const send = (overrides: Partial<TSendJsonOptions> & { url: string }) =>
  sendJson({ service: "test_service", body: { a: 1 }, auth: BASIC, timeoutMs: 2_000, logger: captureLogs().logger, ...overrides });

describe("sendJson: what is sent", () => {
  it("sends exactly the bytes it returns as requestBody, with JSON and Basic headers", async () => {
    const r = await receiver(201, '{"customer_number":42}');
    const body = { name: "Peña 🚀", amount: 8000.5, nested: { list: [1, null, ""] } };
    const exchange = await send({ url: `${r.url}/core_customer`, body });
    expect(exchange.requestBody).toBe('{"name":"Peña 🚀","amount":8000.5,"nested":{"list":[1,null,""]}}');
    expect(r.received).toHaveLength(1);
    expect(r.received[0]?.raw.equals(Buffer.from(exchange.requestBody, "utf8"))).toBe(true);
    expect(r.received[0]?.method).toBe("POST");
    expect(r.received[0]?.url).toBe("/core_customer");
    expect(r.received[0]?.headers["content-type"]).toBe("application/json");
    expect(r.received[0]?.headers.authorization).toBe(basicHeader);
    expect(exchange.url).toBe(`${r.url}/core_customer`);
    expect(exchange.outcome).toEqual({ kind: "response", status: 201, rawBody: '{"customer_number":42}', json: { customer_number: 42 } });
  });

  it("sends a bearer token, or no Authorization header at all", async () => {
    const r = await receiver(200, "{}");
    await send({ url: r.url, auth: { kind: "bearer", token: "tok-123" } });
    await send({ url: r.url, auth: { kind: "none" } });
    expect(r.received.map((x) => x.headers.authorization)).toEqual(["Bearer tok-123", undefined]);
  });

  it("keeps a body that is not JSON as raw text with json undefined", async () => {
    const r = await receiver(502, "<html>Bad gateway</html>");
    const exchange = await send({ url: r.url });
    expect(exchange.outcome).toEqual({ kind: "response", status: 502, rawBody: "<html>Bad gateway</html>", json: undefined });
  });

  it("throws IntegrationError for a body JSON cannot represent, before sending anything", async () => {
    const r = await receiver();
    await expect(send({ url: r.url, body: { n: BigInt(1) } })).rejects.toBeInstanceOf(IntegrationError);
    await expect(send({ url: r.url, body: undefined })).rejects.toMatchObject({ kind: "invalid_request", service: "test_service" });
    expect(r.received).toHaveLength(0);
  });
});

describe("sendJson: not sent", () => {
  it("connection refused on a closed port", async () => {
    const exchange = await send({ url: `${await closedPortUrl()}/core_product` });
    expect(readable(exchange.outcome)).toEqual({ kind: "not_sent", reason: "connection refused (ECONNREFUSED)" });
    expect(exchange.requestBody).toBe('{"a":1}');
  });

  it("invalid URL, unsupported scheme, blocked port", async () => {
    expect(readable((await send({ url: "not a url" })).outcome)).toEqual({ kind: "not_sent", reason: "invalid URL" });
    expect(readable((await send({ url: "ftp://127.0.0.1/x" })).outcome)).toEqual({ kind: "not_sent", reason: "unsupported URL scheme ftp:" });
    expect(readable((await send({ url: "http://127.0.0.1:1/x" })).outcome)).toEqual({ kind: "not_sent", reason: "port blocked by fetch" });
  });

  it("credentials in the URL are refused and never echoed", async () => {
    const logs = captureLogs();
    const exchange = await send({ url: `http://user:${SECRET}@127.0.0.1:9/x?token=abc`, logger: logs.logger });
    expect(readable(exchange.outcome)).toEqual({ kind: "not_sent", reason: "URL carries credentials; configure them as auth instead" });
    expect(exchange.url).toBe("http://127.0.0.1:9/x?token=redacted");
    expect(JSON.stringify(exchange) + logs.text()).not.toContain(SECRET);
  });

  it("a credential that cannot be a header value is refused without quoting it", async () => {
    const r = await receiver();
    const exchange = await send({ url: r.url, auth: { kind: "bearer", token: "abc\r\nX-Evil: 1" } });
    expect(readable(exchange.outcome)).toEqual({ kind: "not_sent", reason: "credentials contain characters not allowed in an HTTP header" });
    const colon = await send({ url: r.url, auth: { kind: "basic", username: "a:b", password: "x" } });
    expect(readable(colon.outcome)).toEqual({ kind: "not_sent", reason: "Basic auth username must not contain ':'" });
    expect(r.received).toHaveLength(0);
  });
});

describe("sendJson: unknown (may have reached the server)", () => {
  it("timeout", async () => {
    const url = await misbehaving(() => undefined);
    const started = Date.now();
    const exchange = await send({ url, timeoutMs: 300 });
    expect(readable(exchange.outcome)).toEqual({ kind: "unknown", reason: "timeout after 300 ms" });
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(exchange.durationMs).toBeGreaterThanOrEqual(290);
  });

  it("connection reset (RST) and connection closed without an answer", async () => {
    const rst = await misbehaving((req) => req.socket.resetAndDestroy());
    expect(readable((await send({ url: rst })).outcome)).toEqual({ kind: "unknown", reason: "connection reset (ECONNRESET)" });
    const closed = await misbehaving((req) => req.socket.destroy());
    expect(readable((await send({ url: closed })).outcome)).toEqual({ kind: "unknown", reason: "connection closed by the server (UND_ERR_SOCKET)" });
  });

  it("status received but the body cut off: unknown, since the server did act", async () => {
    const url = await misbehaving((req) => {
      const res = req.socket;
      res.write("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"customer_");
      setTimeout(() => res.destroy(), 20);
    });
    expect(readable((await send({ url })).outcome)).toEqual({ kind: "unknown", reason: "HTTP 201 but the body was lost: connection closed by the server (UND_ERR_SOCKET)" });
  });

  it("aborted by the caller", async () => {
    const url = await misbehaving(() => undefined);
    const exchange = await send({ url, signal: AbortSignal.timeout(50), timeoutMs: 5_000 });
    expect(readable(exchange.outcome)).toEqual({ kind: "unknown", reason: "aborted by the caller" });
    const controller = new AbortController();
    const pending = send({ url, signal: controller.signal, timeoutMs: 5_000 });
    setTimeout(() => controller.abort(), 50);
    expect(readable((await pending).outcome)).toEqual({ kind: "unknown", reason: "aborted by the caller" });
  });
});

describe("classifyFetchError", () => {
  const fetchError = (cause: unknown) => Object.assign(new TypeError("fetch failed"), { cause });
  const coded = (code: string, message = code) => Object.assign(new Error(message), { code });

  it("maps DNS failures and multi-address refusals to not_sent", () => {
    expect(readable(classifyFetchError(fetchError(coded("ENOTFOUND")), 1))).toEqual({ kind: "not_sent", reason: "host not found (ENOTFOUND)" });
    expect(readable(classifyFetchError(fetchError(coded("EAI_AGAIN")), 1))).toEqual({ kind: "not_sent", reason: "DNS lookup failed (EAI_AGAIN)" });
    const aggregate = new AggregateError([coded("ECONNREFUSED"), coded("ECONNREFUSED")], "all failed");
    expect(readable(classifyFetchError(fetchError(aggregate), 1))).toEqual({ kind: "not_sent", reason: "connection refused (ECONNREFUSED)" });
  });

  it("anything not known to stop before sending is unknown, with secrets scrubbed", () => {
    const mixed = new AggregateError([coded("ECONNREFUSED"), coded("ECONNRESET")], "mixed");
    expect(classifyFetchError(fetchError(mixed), 1).kind).toBe("unknown");
    expect(readable(classifyFetchError(fetchError(new Error(`weird ${SECRET}`)), 1, [SECRET]))).toEqual({ kind: "unknown", reason: "network error: weird [redacted]" });
    expect(readable(classifyFetchError("not an error", 1))).toEqual({ kind: "unknown", reason: "network error: no detail" });
  });
});

describe("redactUrl", () => {
  it("drops userinfo and fragments and masks query values", () => {
    expect(redactUrl("https://u:p@core.bank:8443/api/core_customer?key=123&x=1#frag")).toBe("https://core.bank:8443/api/core_customer?key=redacted&x=redacted");
    expect(redactUrl("http://127.0.0.1:4010/core_product")).toBe("http://127.0.0.1:4010/core_product");
    expect(redactUrl("not a url //user:pw@host/x")).toBe("not a url //host/x");
  });
});

describe("logging", () => {
  it("logs one metadata line per call: never the body, the headers or the credentials", async () => {
    const r = await receiver(400, '{"message":"nope"}');
    const logs = captureLogs();
    await send({ url: r.url, logger: logs.logger, body: { first_name: "LUIS", document_number: "111110001" } });
    expect(logs.lines).toHaveLength(1);
    const line = JSON.parse(logs.lines[0] ?? "{}") as Record<string, unknown>;
    expect(line).toMatchObject({ service: "test_service", outcome: "response", status: 400, url: `${r.url}/`, msg: "outbound call failed" });
    for (const leak of ["LUIS", "111110001", SECRET, basicHeader, "nope"]) expect(logs.text()).not.toContain(leak);
  });
});
