// Next.js refuses a server action whose Origin is not the host it was sent to (its CSRF check),
// but by throwing: the caller gets a 500 and the log an error, as if the console had broken.
// proxy.ts asks the same question first and answers 403. The rule is Next's own: the origin's
// host against `x-forwarded-host` (first value) or else `host`, unless the origin is listed in
// serverActions.allowedOrigins (SERVER_ACTIONS_ALLOWED_ORIGINS, read by next.config.js too).
import { isCsrfOriginAllowed } from "next/dist/server/app-render/csrf-protection";

type THeaderReader = (name: string) => string | null;

/** The origins next.config.js hands to serverActions.allowedOrigins (comma-separated, globs). */
export function allowedActionOrigins(spec = process.env.SERVER_ACTIONS_ALLOWED_ORIGINS): string[] {
  return (spec ?? "")
    .split(",")
    .map((origin) => origin.trim())
    .filter(Boolean);
}

function originHost(origin: string): string | null {
  if (origin === "null") return "null";
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * False when Next.js would refuse the action for its Origin. No Origin at all passes, as in
 * Next.js: a browser always sends one on a POST, so only a hand-made request lacks it, and that
 * carries no one's cookies but its author's.
 */
export function actionOriginAllowed(header: THeaderReader, allowed: readonly string[] = allowedActionOrigins()): boolean {
  const origin = header("origin");
  if (origin === null) return true;
  const host = originHost(origin);
  if (host === null) return false;
  const target = header("x-forwarded-host")?.split(",")[0]?.trim() || header("host");
  if (target && host === target) return true;
  return isCsrfOriginAllowed(host, [...allowed]);
}
