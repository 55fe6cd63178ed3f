// The secret used when AUTH_SECRET is unset in development and demo runs. One constant, read by
// lib/env.ts (which signs the session) and proxy.ts (which reads it), so the two cannot disagree.
export const DEV_AUTH_SECRET = "development-only-secret-change-me-0123456789";
