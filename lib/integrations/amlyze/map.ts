// What an AMLYZE exchange means to the console. simplified-customer is keyed by
// communicationNumber + customerExtId, so any lack of a clear answer is retryable with the
// same body; only a definite refusal is "rejected". REQUEST_ACCEPTED only means "received":
// the screening results arrive later as webhooks (CONTRACTS §4).
import { noAnswerReason, type TReason } from "@/lib/reasons/reason";
import type { TExchange } from "../http/base-client";
import { ZAccepted, ZErrorCodeForm, ZErrorsForm, ZRejectedForm } from "./schemas";

export type TAmlyzeError = { code?: string; message: string };

export type TAmlyzeResult =
  | { kind: "accepted" }
  /** `raw` is the body exactly as received, whatever its form (even invalid JSON). */
  | { kind: "rejected"; status: number; errors: TAmlyzeError[]; raw: string }
  | { kind: "retryable"; reason: TReason };

const text = (value: unknown): string | undefined => (typeof value === "string" && value.trim() !== "" ? value : undefined);

function errorItem(item: unknown): TAmlyzeError {
  if (typeof item === "string") return { message: item };
  if (typeof item === "object" && item !== null) {
    const record = item as Record<string, unknown>;
    const code = text(record.code) ?? text(record.errorCode);
    const message = text(record.message) ?? text(record.errorDescription) ?? text(record.description) ?? JSON.stringify(item);
    return code === undefined ? { message } : { code, message };
  }
  return { message: JSON.stringify(item) };
}

/**
 * Every error form AMLYZE is known to use, in one list. Unknown shapes and invalid JSON (the
 * seed's own 500 sample lacks a comma) keep the raw text as the message rather than failing.
 */
export function parseAmlyzeErrors(status: number, json: unknown, raw: string): TAmlyzeError[] {
  const errors = ZErrorsForm.safeParse(json);
  if (errors.success && errors.data.errors.length > 0) return errors.data.errors.map(errorItem);
  const coded = ZErrorCodeForm.safeParse(json);
  if (coded.success) {
    const code = String(coded.data.errorCode);
    return [{ code, message: text(coded.data.errorDescription) ?? code }];
  }
  const rejected = ZRejectedForm.safeParse(json);
  if (rejected.success) return [{ message: text(rejected.data.error) ?? `REQUEST_REJECTED (HTTP ${rejected.data.status ?? status})` }];
  return [{ message: raw !== "" ? raw : `HTTP ${status} with an empty body` }];
}

/** 408/429 say "not now"; 5XX is AMLYZE's failure, not a verdict on the data. */
const isTransient = (status: number) => status === 408 || status === 429 || status >= 500;

export function mapAmlyzeExchange(exchange: TExchange): TAmlyzeResult {
  const outcome = exchange.outcome;
  if (outcome.kind !== "response") return { kind: "retryable", reason: noAnswerReason(outcome) };
  const { status, json, rawBody } = outcome;
  if (status >= 200 && status < 300) {
    if (ZAccepted.safeParse(json).success) return { kind: "accepted" };
    // A 2XX that explicitly rejects is a refusal; anything else unreadable may be a proxy page.
    if (ZRejectedForm.safeParse(json).success) return { kind: "rejected", status, errors: parseAmlyzeErrors(status, json, rawBody), raw: rawBody };
    return { kind: "retryable", reason: { code: "http.not_accepted", status, body: json === undefined ? "not_json" : "unexpected" } };
  }
  if (isTransient(status)) {
    // AMLYZE's own words, verbatim (they may echo what was sent: stored sealed).
    const detail = json === undefined ? null : parseAmlyzeErrors(status, json, rawBody).map((e) => e.message).join("; ");
    return { kind: "retryable", reason: { code: "http.amlyze_error", status, detail } };
  }
  return { kind: "rejected", status, errors: parseAmlyzeErrors(status, json, rawBody), raw: rawBody };
}
