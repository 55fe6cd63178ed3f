// The one error type the integrations throw. Outbound calls normally *return* what happened
// (see TExchange); an exception is kept for what is a bug or a misuse on our side, so the
// caller never has to tell "the bank said no" from "we built a bad request" by catching.
import type { TExchange } from "./base-client";

export type TIntegrationErrorKind =
  /** The body we were asked to send failed its schema; nothing was sent. */
  | "invalid_request"
  /** A call failed and the caller asked for it as an exception (see toIntegrationError). */
  | "call_failed";

export class IntegrationError extends Error {
  override readonly name = "IntegrationError";
  readonly service: string;
  readonly kind: TIntegrationErrorKind;
  /** HTTP status when the service answered, null when it did not (or nothing was sent). */
  readonly status: number | null;
  /** The response body exactly as received, null when there was none. */
  readonly rawBody: string | null;

  constructor(message: string, opts: { service: string; kind: TIntegrationErrorKind; status?: number | null; rawBody?: string | null }) {
    super(message);
    this.service = opts.service;
    this.kind = opts.kind;
    this.status = opts.status ?? null;
    this.rawBody = opts.rawBody ?? null;
  }
}

/** For callers that prefer throwing: wraps a failed exchange with its status and raw body. */
export function toIntegrationError(service: string, exchange: TExchange, reason: string): IntegrationError {
  const outcome = exchange.outcome;
  const answered = outcome.kind === "response";
  return new IntegrationError(`${service}: ${reason}`, {
    service,
    kind: "call_failed",
    status: answered ? outcome.status : null,
    rawBody: answered ? outcome.rawBody : null,
  });
}

/** "path: message; ..." from a zod error, for IntegrationError messages. No input values. */
export function describeIssues(error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> }): string {
  return error.issues.map((issue) => `${issue.path.map(String).join(".") || "body"}: ${issue.message}`).join("; ");
}
