// AMLYZE as the console sees it: one call, returning the exchange to store and its meaning.
// The auth scheme is an admin setting (the seed documents none; the reference says bearer).
import { sendJson, type TAuth, type TExchange, type TIntegrationLogger } from "../http/base-client";
import { describeIssues, IntegrationError } from "../http/errors";
import { mapAmlyzeExchange, type TAmlyzeResult } from "./map";
import { AMLYZE_DEFAULT_PATH, ZSimplifiedCustomerRequest, type TSimplifiedCustomerRequest } from "./schemas";

export type TAmlyzeCall = { exchange: TExchange; result: TAmlyzeResult };

export type TAmlyzeClient = {
  /** Register the customer. Retry only with the same body (same communicationNumber). */
  submitCustomer: (body: TSimplifiedCustomerRequest) => Promise<TAmlyzeCall>;
};

export type TAmlyzeClientOptions = {
  baseUrl: string;
  /** The seed says simplified-customer, the public reference simplifiedCustomer: a setting. */
  path?: string;
  auth: TAuth;
  timeoutMs: number;
  logger?: TIntegrationLogger;
};

export const AMLYZE_SERVICE = "amlyze_simplified_customer";

export function createAmlyzeClient(options: TAmlyzeClientOptions): TAmlyzeClient {
  const path = options.path ?? AMLYZE_DEFAULT_PATH;
  const url = `${options.baseUrl.replace(/\/+$/, "")}${path.startsWith("/") ? path : `/${path}`}`;
  return {
    // POST /amlyze-ws-rest/simplified-customer (or the configured path)
    async submitCustomer(body) {
      const parsed = ZSimplifiedCustomerRequest.safeParse(body);
      if (!parsed.success) {
        throw new IntegrationError(`${AMLYZE_SERVICE}: invalid request: ${describeIssues(parsed.error)}`, { service: AMLYZE_SERVICE, kind: "invalid_request" });
      }
      const exchange = await sendJson({ service: AMLYZE_SERVICE, url, body, auth: options.auth, timeoutMs: options.timeoutMs, logger: options.logger });
      return { exchange, result: mapAmlyzeExchange(exchange) };
    },
  };
}
