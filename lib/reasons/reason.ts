// Why something did not go as asked, as the console stores it: a code and its parameters, never
// English sentences. The words are the UI's (messages/*.json, namespace "reasons", rendered by
// ./format.ts), so a Spanish officer reads Spanish. What an outside system said (the core's
// message, AMLYZE's errors, the text of a network error) is a parameter, kept verbatim.
// Stored as JSON text, sealed with the PII keyring (lib/pii/identities.ts: sealReason).
// Pure: used by the worker, the server components and the browser alike.
import { z } from "zod";

/** How a response body failed to say what was expected. */
export type TBodyProblem = "not_json" | "unexpected";

export type TReason =
  // ---- on the wire (lib/integrations/http) -------------------------------------------------
  | { code: "net.timeout"; ms: number }
  | { code: "net.aborted" }
  /** A known network error code (ECONNREFUSED, UND_ERR_SOCKET…): its words are the UI's. */
  | { code: "net.errno"; errno: string }
  /** Any other network failure: `detail` as the runtime said it (a code or its message). */
  | { code: "net.error"; detail: string }
  | { code: "net.port_blocked" }
  | { code: "net.unknown_scheme" }
  | { code: "net.body_lost"; status: number; cause: TReason }
  | { code: "request.invalid_url" }
  | { code: "request.unsupported_scheme"; scheme: string }
  | { code: "request.url_credentials" }
  | { code: "request.basic_colon" }
  | { code: "request.header_chars" }
  /** Our request failed its own schema (a bug or a misconfiguration): `detail` is technical. */
  | { code: "request.invalid"; detail: string }
  // ---- what an answer meant (lib/integrations/*/map.ts) --------------------------------------
  | { code: "call.not_sent"; cause: TReason }
  | { code: "call.no_answer"; cause: TReason }
  | { code: "call.worker_stopped"; target: "core" | "amlyze" }
  | { code: "http.status"; status: number }
  | { code: "http.instead_of"; status: number; expected: number }
  | { code: "http.no_customer_number"; status: number; body: TBodyProblem }
  | { code: "http.no_accounts"; status: number; body: TBodyProblem }
  | { code: "http.not_accepted"; status: number; body: TBodyProblem }
  /** AMLYZE failed (5XX, 408, 429): its messages verbatim, or null when the body is not JSON. */
  | { code: "http.amlyze_error"; status: number; detail: string | null }
  /** A refusal with nothing in its body. */
  | { code: "http.empty_body"; status: number }
  // ---- the outside systems' own words, verbatim ----------------------------------------------
  /** The core's message (4XX), or its raw body when it had none. */
  | { code: "core.message"; message: string }
  /** The ERROR entries of accounts_info: each account product with the core's message. */
  | { code: "core.accounts"; accounts: Array<{ product: string; message: string | null }> }
  /** AMLYZE's reasons for a refusal, parsed from either error form. */
  | { code: "amlyze.errors"; errors: Array<{ code?: string; message: string }> }
  /** Text stored before reasons were codes: shown as it is. */
  | { code: "text"; text: string }
  // ---- the push pipeline (lib/push) ----------------------------------------------------------
  | { code: "push.customer_failed"; cause: TReason; attempts: number }
  | { code: "push.unknown_outcome"; products: string[] }
  /** The document is another person's to the core (another name or birth date) and no officer decided: nothing sent. */
  | { code: "push.identity_conflict" }
  /** One line per product that kept the push from finishing. */
  | { code: "push.products"; items: Array<{ product: string; reason: TReason }> }
  /** The customer is in the core; these products are not opened and go with the next push. */
  | { code: "push.products_not_opened"; items: Array<{ product: string; reason: TReason }> }
  | { code: "product.not_sent_yet" }
  | { code: "product.refused" }
  | { code: "product.partly_opened" }
  | { code: "product.confirmed_not_created" }
  // ---- AML submissions (lib/aml) -------------------------------------------------------------
  | { code: "aml.circuit_open"; until: string }
  | { code: "aml.attempt_failed"; attempt: number; cause: TReason }
  | { code: "aml.failed_after"; cause: TReason; attempts: number }
  | { code: "aml.no_answer" }
  | { code: "aml.stored_body_not_json" };

export type TReasonCode = TReason["code"];

const ZBody = z.enum(["not_json", "unexpected"]);
const ZStatus = z.number().int();

export const ZReason: z.ZodType<TReason> = z.lazy(() =>
  z.discriminatedUnion("code", [
    z.object({ code: z.literal("net.timeout"), ms: z.number() }),
    z.object({ code: z.literal("net.aborted") }),
    z.object({ code: z.literal("net.errno"), errno: z.string() }),
    z.object({ code: z.literal("net.error"), detail: z.string() }),
    z.object({ code: z.literal("net.port_blocked") }),
    z.object({ code: z.literal("net.unknown_scheme") }),
    z.object({ code: z.literal("net.body_lost"), status: ZStatus, cause: ZReason }),
    z.object({ code: z.literal("request.invalid_url") }),
    z.object({ code: z.literal("request.unsupported_scheme"), scheme: z.string() }),
    z.object({ code: z.literal("request.url_credentials") }),
    z.object({ code: z.literal("request.basic_colon") }),
    z.object({ code: z.literal("request.header_chars") }),
    z.object({ code: z.literal("request.invalid"), detail: z.string() }),
    z.object({ code: z.literal("call.not_sent"), cause: ZReason }),
    z.object({ code: z.literal("call.no_answer"), cause: ZReason }),
    z.object({ code: z.literal("call.worker_stopped"), target: z.enum(["core", "amlyze"]) }),
    z.object({ code: z.literal("http.status"), status: ZStatus }),
    z.object({ code: z.literal("http.instead_of"), status: ZStatus, expected: ZStatus }),
    z.object({ code: z.literal("http.no_customer_number"), status: ZStatus, body: ZBody }),
    z.object({ code: z.literal("http.no_accounts"), status: ZStatus, body: ZBody }),
    z.object({ code: z.literal("http.not_accepted"), status: ZStatus, body: ZBody }),
    z.object({ code: z.literal("http.amlyze_error"), status: ZStatus, detail: z.string().nullable() }),
    z.object({ code: z.literal("http.empty_body"), status: ZStatus }),
    z.object({ code: z.literal("core.message"), message: z.string() }),
    z.object({ code: z.literal("core.accounts"), accounts: z.array(z.object({ product: z.string(), message: z.string().nullable() })) }),
    z.object({ code: z.literal("amlyze.errors"), errors: z.array(z.object({ code: z.string().optional(), message: z.string() })) }),
    z.object({ code: z.literal("text"), text: z.string() }),
    z.object({ code: z.literal("push.customer_failed"), cause: ZReason, attempts: z.number().int() }),
    z.object({ code: z.literal("push.unknown_outcome"), products: z.array(z.string()) }),
    z.object({ code: z.literal("push.identity_conflict") }),
    z.object({ code: z.literal("push.products"), items: z.array(z.object({ product: z.string(), reason: ZReason })) }),
    z.object({ code: z.literal("push.products_not_opened"), items: z.array(z.object({ product: z.string(), reason: ZReason })) }),
    z.object({ code: z.literal("product.not_sent_yet") }),
    z.object({ code: z.literal("product.refused") }),
    z.object({ code: z.literal("product.partly_opened") }),
    z.object({ code: z.literal("product.confirmed_not_created") }),
    z.object({ code: z.literal("aml.circuit_open"), until: z.string() }),
    z.object({ code: z.literal("aml.attempt_failed"), attempt: z.number().int(), cause: ZReason }),
    z.object({ code: z.literal("aml.failed_after"), cause: ZReason, attempts: z.number().int() }),
    z.object({ code: z.literal("aml.no_answer") }),
    z.object({ code: z.literal("aml.stored_body_not_json") }),
  ]),
);

/** The text a reason is stored as (before sealing). */
export function reasonToText(reason: TReason): string {
  return JSON.stringify(reason);
}

/**
 * The reason a stored text holds. Anything else is text written before reasons were codes (or by
 * an older instance during an upgrade): it is shown as it is, never dropped.
 */
export function reasonFromText(text: string): TReason {
  try {
    const parsed = ZReason.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // not JSON: old text
  }
  return { code: "text", text };
}

/** Why a call got no answer: it certainly never left, or its answer never came. */
export function noAnswerReason(outcome: { kind: "not_sent" | "unknown"; reason: TReason }): TReason {
  return { code: outcome.kind === "not_sent" ? "call.not_sent" : "call.no_answer", cause: outcome.reason };
}
