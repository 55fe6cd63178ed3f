// What a core exchange means to the console. Pure functions of a TExchange, so every rule
// here is testable without a server. The two endpoints differ on purpose:
//   core_customer is an upsert (CONTRACTS §2): anything short of a clear answer is retryable.
//   core_product opens a new account per call (§3): after a lost answer the account may exist,
//   so only "certainly not sent" may be sent again; everything else goes to a person.
import { noAnswerReason, type TBodyProblem, type TReason } from "@/lib/reasons/reason";
import type { TExchange } from "../http/base-client";
import { ZCoreCustomerCreated, ZCoreMessage, ZCoreProductResponse } from "./schemas";

export type TCoreCustomerResult =
  | { kind: "created"; customerNumber: number }
  /** The core refused the data; `message` is shown to the officer verbatim (null: the body was empty). */
  | { kind: "rejected"; status: number; message: string | null }
  /** No usable answer; re-sending is safe because the core upserts. */
  | { kind: "retryable"; reason: TReason };

export type TCoreAccount = {
  action: "CREATE" | "ERROR";
  accountProduct: string;
  accountNumber: string | null;
  message: string | null;
};

export type TCoreProductResult =
  /** The core said which accounts it opened or refused; a 201 may mix both (store each). */
  | { kind: "answered"; status: number; accounts: TCoreAccount[] }
  | { kind: "rejected"; status: number; message: string | null }
  /** Certainly not sent: the only case where sending again cannot open a second account. */
  | { kind: "not_sent"; reason: TReason }
  /** The account may or may not exist: never retry automatically, reconcile by hand. */
  | { kind: "unknown"; reason: TReason };

/** 408 and 429 say "not now", not "wrong data": for an upsert they are worth another try. */
const TRANSIENT_4XX = new Set([408, 429]);

const is2xx = (status: number) => status >= 200 && status < 300;
const is4xx = (status: number) => status >= 400 && status < 500;

/** The `{message}` verbatim, else the raw body, so the officer always sees what the core said; null when it said nothing. */
export function coreMessage(json: unknown, rawBody: string): string | null {
  const parsed = ZCoreMessage.safeParse(json);
  if (parsed.success) return parsed.data.message;
  return rawBody !== "" ? rawBody : null;
}

/** Why the core refused, as stored and shown: its words verbatim, or that it gave none. */
export function refusalReason(result: { status: number; message: string | null }): TReason {
  return result.message === null ? { code: "http.empty_body", status: result.status } : { code: "core.message", message: result.message };
}

const bodyProblem = (json: unknown): TBodyProblem => (json === undefined ? "not_json" : "unexpected");

export function mapCustomerExchange(exchange: TExchange): TCoreCustomerResult {
  const outcome = exchange.outcome;
  if (outcome.kind !== "response") return { kind: "retryable", reason: noAnswerReason(outcome) };
  const { status, json, rawBody } = outcome;
  if (status === 201) {
    const created = ZCoreCustomerCreated.safeParse(json);
    if (created.success) return { kind: "created", customerNumber: created.data.customer_number };
    return { kind: "retryable", reason: { code: "http.no_customer_number", status, body: bodyProblem(json) } };
  }
  if (is4xx(status) && !TRANSIENT_4XX.has(status)) return { kind: "rejected", status, message: coreMessage(json, rawBody) };
  // CONTRACTS §2: anything else (other 2XX, 3XX, 5XX) is never success.
  return { kind: "retryable", reason: is2xx(status) ? { code: "http.instead_of", status, expected: 201 } : { code: "http.status", status } };
}

function toAccounts(json: unknown): TCoreAccount[] | undefined {
  const parsed = ZCoreProductResponse.safeParse(json);
  if (!parsed.success) return undefined;
  return parsed.data.map((entry) => ({
    action: entry.action,
    accountProduct: entry.account_product,
    accountNumber: entry.account_number ?? null,
    message: entry.message ?? null,
  }));
}

export function mapProductExchange(exchange: TExchange): TCoreProductResult {
  const outcome = exchange.outcome;
  if (outcome.kind === "not_sent") return { kind: "not_sent", reason: outcome.reason };
  if (outcome.kind === "unknown") return { kind: "unknown", reason: outcome.reason };
  const { status, json, rawBody } = outcome;
  // A 2XX that lists accounts is authoritative about what exists, whatever its exact code.
  if (is2xx(status) || status === 400) {
    const accounts = toAccounts(json);
    if (accounts) return { kind: "answered", status, accounts };
    if (is2xx(status)) return { kind: "unknown", reason: { code: "http.no_accounts", status, body: bodyProblem(json) } };
  }
  if (is4xx(status)) return { kind: "rejected", status, message: coreMessage(json, rawBody) };
  // 5XX and 3XX: the core may have opened the account before failing.
  return { kind: "unknown", reason: { code: "http.status", status } };
}
