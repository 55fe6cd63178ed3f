// Whether the session cookie is `Secure` (and named with the `__Secure-` prefix). next-auth only
// looks at NEXTAUTH_URL, so a console behind a TLS-terminating proxy whose NEXTAUTH_URL still says
// http (scripts/console.sh's default) handed out a cookie the browser would also send in clear.
// The proxy's `X-Forwarded-Proto: https` counts too. Trusting it costs nothing: a caller who fakes
// it on a plain-http console only gets a cookie its own browser refuses to store.

type THeaderReader = (name: string) => string | null | undefined;

/** True when the console's public URL is https or this request reached it over https. */
export function servedOverHttps(header: THeaderReader): boolean {
  if (process.env.NEXTAUTH_URL?.startsWith("https://")) return true;
  const forwarded = header("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return forwarded === "https";
}

/** The session cookie's name and `Secure` flag, as next-auth writes and reads it. */
export function sessionCookieFor(header: THeaderReader): { name: string; secure: boolean } {
  const secure = servedOverHttps(header);
  return { name: `${secure ? "__Secure-" : ""}next-auth.session-token`, secure };
}
