import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authorizeCredentials } from "@/lib/auth/authorize";
import { CODE_REQUIRED_ERROR } from "@/lib/auth/login-schema";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { forwardedFor } from "@/lib/http/forwarded-for";
import { logger } from "@/lib/logger";

/** next-auth hands over the request's headers as a plain record; "local" when no proxy reports one. */
function clientIp(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  return (typeof forwarded === "string" ? forwardedFor(forwarded) : null) || "local";
}

export function authOptions(): NextAuthOptions {
  return {
    secret: env().AUTH_SECRET,
    session: { strategy: "jwt", maxAge: env().SESSION_MAX_AGE },
    jwt: { maxAge: env().SESSION_MAX_AGE },
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        name: "Username and password",
        credentials: {
          username: { label: "Username", type: "text" },
          password: { label: "Password", type: "password" },
          code: { label: "Authentication code", type: "text" },
        },
        async authorize(credentials, req) {
          const policy = { maxFailures: env().LOGIN_MAX_FAILURES, lockMinutes: env().LOGIN_LOCK_MINUTES };
          let result: Awaited<ReturnType<typeof authorizeCredentials>>;
          try {
            result = await authorizeCredentials(prisma, credentials, clientIp(req.headers), policy);
          } catch (error) {
            // next-auth would put the message in the redirect URL: log it, tell the browser nothing.
            logger.error({ err: error }, "sign-in failed unexpectedly");
            return null;
          }
          // next-auth hands a thrown message to the form as `error`: the one it must see.
          if (result.kind === "code_required") throw new Error(CODE_REQUIRED_ERROR);
          return result.kind === "ok" ? result.user : null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.epoch = (user as { sessionEpoch?: number }).sessionEpoch ?? 0;
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, userId: token.sub, sessionEpoch: typeof token.epoch === "number" ? token.epoch : 0 };
      },
    },
  };
}
