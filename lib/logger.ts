import pino from "pino";

/** Structured logger; credentials and identity numbers are redacted wherever they appear. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  redact: {
    paths: [
      "password",
      "*.password",
      "authorization",
      "*.authorization",
      "headers.authorization",
      "*.headers.authorization",
      "token",
      "*.token",
      "apiKey",
      "*.apiKey",
      "document_number",
      "*.document_number",
      "*.*.document_number",
    ],
    censor: "[redacted]",
  },
});
