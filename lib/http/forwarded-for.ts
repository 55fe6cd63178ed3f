/**
 * The caller's address as the proxy in front reports it: the first entry of X-Forwarded-For, for
 * the audit log. Null without the header. Node's http gives a repeated header as an array.
 */
export function forwardedFor(header: string | readonly string[] | null | undefined): string | null {
  const value = typeof header === "string" ? header : header?.[0];
  return value?.split(",")[0]?.trim() ?? null;
}
