import pino from "pino";

// Keys whose values are identity numbers, and keys that hold whole documents or bodies that may
// carry them (payloads, exact request/response bytes, raw events, diffs). pino cannot redact "at
// any depth", so each is listed at the top level and a level or two down; code logs metadata,
// never these, and this is the net under that rule.
const SECRET_KEYS = ["password", "authorization", "token", "apiKey", "secret"];
const IDENTITY_KEYS = ["document_number", "nationalCode", "documentNumber"];
const DOCUMENT_KEYS = ["payload", "receivedPayload", "requestedProducts", "body", "requestBody", "responseBody", "rawBody", "raw", "changes", "relatedClientInfo"];

/** The paths the logger censors. */
export const LOG_REDACT_PATHS = [
  ...[...SECRET_KEYS, ...DOCUMENT_KEYS].flatMap((key) => [key, `*.${key}`]),
  "headers.authorization",
  "*.headers.authorization",
  ...IDENTITY_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
];

/** A logger with the console's redaction, writing to `destination` (stdout by default). */
export function createLogger(options: { destination?: pino.DestinationStream; level?: string } = {}) {
  const settings = { level: options.level ?? process.env.LOG_LEVEL ?? "info", redact: { paths: LOG_REDACT_PATHS, censor: "[redacted]" } };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}

/** Structured logger; credentials and identity numbers are redacted wherever they appear. */
export const logger = createLogger();
