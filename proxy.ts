import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { sessionCookieFor } from "@/lib/auth/session-cookie";
import { actionOriginAllowed } from "@/lib/security/action-origin";
import { decodeSessionToken } from "@/lib/auth/session-token";
import { createNonce, pagePolicy } from "@/lib/security/csp";

/** Pages that need a session; the rest (login, errors) render for anyone. */
const SIGNED_IN_ONLY = /^\/(queue|enrollments|admin|aml|account)(\/|$)/;

// Three jobs, on every page request:
// 1. The page's Content-Security-Policy with a fresh nonce. Next.js reads the nonce from the
//    request's policy header and puts it on its own scripts; the browser gets the same policy.
// 2. A convenience redirect to the login page. Only a convenience: every page, route handler and
//    action checks the user and role itself on the server.
// 3. A POST to a page is a server action: one from another origin is refused here with 403, where
//    Next.js would throw and answer 500 (lib/security/action-origin.ts).
export async function proxy(request: NextRequest) {
  const header = (name: string) => request.headers.get(name);
  if (request.method === "POST" && !actionOriginAllowed(header)) {
    return new NextResponse("Forbidden", { status: 403, headers: { "Content-Type": "text/plain" } });
  }
  const nonce = createNonce();
  const policy = pagePolicy(nonce, process.env.NODE_ENV === "development");

  // A server action answers for itself (every action checks the session and role): a signed-out
  // save then hears "your session has ended" instead of a sign-in page it cannot read.
  const isAction = request.method === "POST" && request.headers.has("next-action");
  if (SIGNED_IN_ONLY.test(request.nextUrl.pathname) && !isAction) {
    // No secret, no session: the pages themselves then fail on lib/env.ts's complaint.
    const secret = process.env.AUTH_SECRET;
    const token = secret ? await getToken({ req: request, secret, decode: decodeSessionToken, secureCookie: sessionCookieFor(header).secure }) : null;
    if (!token) {
      const url = new URL("/login", request.url);
      url.searchParams.set("next", request.nextUrl.pathname + request.nextUrl.search);
      return NextResponse.redirect(url);
    }
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Every page (and its prefetches); API answers and static files get next.config.js's fixed policy.
  matcher: ["/((?!api/|_next/|favicon.ico|robots.txt).*)"],
};
