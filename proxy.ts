import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { DEV_AUTH_SECRET } from "@/lib/auth/dev-secret";
import { decodeSessionToken } from "@/lib/auth/session-token";
import { createNonce, pagePolicy } from "@/lib/security/csp";

/** Pages that need a session; the rest (login, errors) render for anyone. */
const SIGNED_IN_ONLY = /^\/(queue|enrollments|admin|aml|account)(\/|$)/;

// Two jobs, on every page request:
// 1. The page's Content-Security-Policy with a fresh nonce. Next.js reads the nonce from the
//    request's policy header and puts it on its own scripts; the browser gets the same policy.
// 2. A convenience redirect to the login page. Only a convenience: every page, route handler and
//    action checks the user and role itself on the server.
export async function proxy(request: NextRequest) {
  const nonce = createNonce();
  const policy = pagePolicy(nonce, process.env.NODE_ENV === "development");

  if (SIGNED_IN_ONLY.test(request.nextUrl.pathname)) {
    const secret = process.env.AUTH_SECRET ?? DEV_AUTH_SECRET;
    const token = await getToken({ req: request, secret, decode: decodeSessionToken });
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
