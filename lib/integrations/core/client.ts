// The bank core as the console sees it: two calls, each returning the exchange to store and
// what it means. Credentials go in the Basic header only (CONTRACTS §2, same for §3).
import { sendJson, type TAuth, type TExchange, type TIntegrationLogger } from "../http/base-client";
import { describeIssues, IntegrationError } from "../http/errors";
import { mapCustomerExchange, mapProductExchange, type TCoreCustomerResult, type TCoreProductResult } from "./map";
import { ZCoreCustomerRequest, ZCoreProductRequest, type TCoreCustomerPayload, type TCoreProductRequest } from "./schemas";

export type TCoreCall<R> = { exchange: TExchange; result: R };

export type TCoreClient = {
  /** Create or update the customer. Safe to retry (the core upserts): see withRetry. */
  pushCustomer: (payload: TCoreCustomerPayload) => Promise<TCoreCall<TCoreCustomerResult>>;
  /** Open the product. NOT safe to retry: resend only after `not_sent`. */
  openProduct: (request: TCoreProductRequest) => Promise<TCoreCall<TCoreProductResult>>;
};

export type TCoreClientOptions = {
  baseUrl: string;
  username: string;
  password: string;
  timeoutMs: number;
  logger?: TIntegrationLogger;
};

export const CORE_CUSTOMER_SERVICE = "core_customer";
export const CORE_PRODUCT_SERVICE = "core_product";

export function createCoreClient(options: TCoreClientOptions): TCoreClient {
  const base = options.baseUrl.replace(/\/+$/, "");
  const auth: TAuth = { kind: "basic", username: options.username, password: options.password };
  const send = (service: string, path: string, body: unknown) =>
    sendJson({ service, url: `${base}${path}`, body, auth, timeoutMs: options.timeoutMs, logger: options.logger });

  // A body that fails its schema is our bug: throw before anything leaves, nothing to store.
  function check(service: string, schema: typeof ZCoreCustomerRequest | typeof ZCoreProductRequest, body: unknown): void {
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new IntegrationError(`${service}: invalid request: ${describeIssues(parsed.error)}`, { service, kind: "invalid_request" });
    }
  }

  return {
    // POST /core_customer
    async pushCustomer(payload) {
      check(CORE_CUSTOMER_SERVICE, ZCoreCustomerRequest, payload);
      // The payload itself is sent, not the parse result, so key order and unknown keys survive.
      const exchange = await send(CORE_CUSTOMER_SERVICE, "/core_customer", payload);
      return { exchange, result: mapCustomerExchange(exchange) };
    },
    // POST /core_product — deliberately no retry here or around it (see retry.ts): a resend
    // may open a second account. The caller may resend only after result.kind === "not_sent".
    async openProduct(request) {
      check(CORE_PRODUCT_SERVICE, ZCoreProductRequest, request);
      const exchange = await send(CORE_PRODUCT_SERVICE, "/core_product", request);
      return { exchange, result: mapProductExchange(exchange) };
    },
  };
}
