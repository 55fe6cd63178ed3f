import NextAuth from "next-auth";
import { clientIp } from "@/lib/actions/client-ip";
import { authOptions, signInMethods } from "@/lib/auth/options";

// next-auth's own endpoints (sign in, sign out, session, CSRF). The options are built per request:
// whether passwords are accepted and which identity provider signs people in are settings an admin
// changes at run time.
async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  const [methods, ip] = await Promise.all([signInMethods(), clientIp()]);
  return NextAuth(request as never, { params: await context.params } as never, authOptions(methods, ip, (name) => request.headers.get(name)));
}

export { handler as GET, handler as POST };
