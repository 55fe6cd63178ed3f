import { describe, expect, it } from "vitest";
import type { TOutcome } from "../http/base-client";
import { exchangeOf, responseOf } from "../test-helpers";
import { mapCustomerExchange, mapProductExchange } from "./map";
import { readable } from "@/tests/reason-text";

const exchange = (outcome: TOutcome) => exchangeOf(outcome, "http://core/x");
const response = (status: number, rawBody: string) => responseOf(status, rawBody, "http://core/x");

describe("mapCustomerExchange", () => {
  it("only a 201 with a positive integer customer_number is created", () => {
    expect(mapCustomerExchange(response(201, '{"customer_number":7,"extra":true}'))).toEqual({ kind: "created", customerNumber: 7 });
    expect(readable(mapCustomerExchange(response(201, '{"customer_number":"7"}')))).toEqual({ kind: "retryable", reason: "HTTP 201 without a valid customer_number (body has an unexpected shape)" });
    expect(readable(mapCustomerExchange(response(201, "{}")))).toEqual({ kind: "retryable", reason: "HTTP 201 without a valid customer_number (body has an unexpected shape)" });
    expect(readable(mapCustomerExchange(response(200, '{"customer_number":7}')))).toEqual({ kind: "retryable", reason: "HTTP 200 instead of 201" });
    expect(readable(mapCustomerExchange(response(302, "")))).toEqual({ kind: "retryable", reason: "HTTP 302" });
  });

  it("4XX is rejected with {message} verbatim, else the raw body; 408/429 are retryable", () => {
    expect(mapCustomerExchange(response(422, '{"message":"  Documento duplicado  "}'))).toEqual({ kind: "rejected", status: 422, message: "  Documento duplicado  " });
    expect(mapCustomerExchange(response(400, "Bad Request: no body"))).toEqual({ kind: "rejected", status: 400, message: "Bad Request: no body" });
    expect(mapCustomerExchange(response(400, '{"error":"x"}'))).toEqual({ kind: "rejected", status: 400, message: '{"error":"x"}' });
    expect(mapCustomerExchange(response(403, ""))).toEqual({ kind: "rejected", status: 403, message: null });
    expect(readable(mapCustomerExchange(response(429, '{"message":"slow down"}')))).toEqual({ kind: "retryable", reason: "HTTP 429" });
  });

  it("no answer and not sent are both retryable, and say which", () => {
    expect(readable(mapCustomerExchange(exchange({ kind: "unknown", reason: { code: "net.timeout", ms: 5 } })))).toEqual({ kind: "retryable", reason: "no answer: timeout after 5 ms" });
    expect(readable(mapCustomerExchange(exchange({ kind: "not_sent", reason: { code: "request.invalid_url" } })))).toEqual({ kind: "retryable", reason: "not sent: invalid URL" });
  });
});

describe("mapProductExchange", () => {
  it("accepts the table's account_info key as well as accounts_info", () => {
    expect(mapProductExchange(response(201, '{"account_info":[{"action":"CREATE","account_product":"SAV1","account_number":"000201000903"}]}'))).toEqual({
      kind: "answered",
      status: 201,
      accounts: [{ action: "CREATE", accountProduct: "SAV1", accountNumber: "000201000903", message: null }],
    });
  });

  it("keeps the seed's two-error 400 as two entries", () => {
    const body = '{"accounts_info":[{"action":"ERROR","account_product":"NOW1","message":"ERROR MESSAGE"},{"action":"ERROR","account_product":"NOW3","message":"ERROR MESSAGE"}]}';
    expect(mapProductExchange(response(400, body))).toEqual({
      kind: "answered",
      status: 400,
      accounts: [
        { action: "ERROR", accountProduct: "NOW1", accountNumber: null, message: "ERROR MESSAGE" },
        { action: "ERROR", accountProduct: "NOW3", accountNumber: null, message: "ERROR MESSAGE" },
      ],
    });
  });

  it("a 2XX that does not say which account exists is unknown, never success", () => {
    expect(readable(mapProductExchange(response(201, '{"accounts_info":[]}')))).toEqual({ kind: "unknown", reason: "HTTP 201 without a readable accounts_info (body has an unexpected shape)" });
    expect(mapProductExchange(response(201, '{"accounts_info":[{"action":"CREATE","account_product":"SAV1"}]}')).kind).toBe("unknown");
    expect(mapProductExchange(response(201, '{"accounts_info":[{"action":"OPENED","account_product":"SAV1","account_number":"1"}]}')).kind).toBe("unknown");
  });

  it("other 4XX and unreadable 400 are rejected with the message; 5XX and 3XX are unknown", () => {
    expect(mapProductExchange(response(400, "product_code invalid"))).toEqual({ kind: "rejected", status: 400, message: "product_code invalid" });
    expect(mapProductExchange(response(409, '{"message":"Cuenta ya existe"}'))).toEqual({ kind: "rejected", status: 409, message: "Cuenta ya existe" });
    expect(readable(mapProductExchange(response(503, '{"message":"down"}')))).toEqual({ kind: "unknown", reason: "HTTP 503" });
    expect(readable(mapProductExchange(response(307, "")))).toEqual({ kind: "unknown", reason: "HTTP 307" });
  });

  it("passes not_sent and unknown through unchanged", () => {
    const refused = { code: "net.errno", errno: "ECONNREFUSED" } as const;
    const reset = { code: "net.errno", errno: "ECONNRESET" } as const;
    expect(mapProductExchange(exchange({ kind: "not_sent", reason: refused }))).toEqual({ kind: "not_sent", reason: refused });
    expect(mapProductExchange(exchange({ kind: "unknown", reason: reset }))).toEqual({ kind: "unknown", reason: reset });
    expect(readable(mapProductExchange(exchange({ kind: "unknown", reason: reset })))).toEqual({ kind: "unknown", reason: "connection reset (ECONNRESET)" });
  });
});
