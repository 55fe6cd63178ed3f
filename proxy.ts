import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { DEV_AUTH_SECRET } from "@/lib/auth/dev-secret";

// Only a convenience redirect to the login page: every page, route handler and action checks
// the user and role itself on the server.
export async function proxy(request: NextRequest) {
  const secret = process.env.AUTH_SECRET ?? DEV_AUTH_SECRET;
  const token = await getToken({ req: request, secret });
  if (!token) {
    const url = new URL("/login", request.url);
    url.searchParams.set("next", request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
}

export const config = {
  matcher: ["/queue/:path*", "/enrollments/:path*", "/admin/:path*", "/aml/:path*", "/account/:path*"],
};
