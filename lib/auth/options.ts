import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { recordAudit } from "@/lib/audit/record-audit";
import { authorizeCredentials, USERNAME_DELAY } from "@/lib/auth/authorize";
import { CODE_REQUIRED_ERROR } from "@/lib/auth/login-schema";
import { endSession, openSession, sessionIdOf } from "@/lib/auth/session-store";
import { localLoginFrom, ssoConfig, type TSsoConfig } from "@/lib/auth/sso/readiness";
import { SSO_PROVIDER_ID, ssoProvider } from "@/lib/auth/sso/sso-provider";
import { signInWithSso } from "@/lib/auth/sso/sso-sign-in";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { requestAddress } from "@/lib/http/request-address";
import { servedOverHttps } from "@/lib/auth/session-cookie";
import { logger } from "@/lib/logger";
import { readSwitch } from "@/lib/settings/switches";

/** next-auth hands over the request's headers as a plain record; "local" when the address is unknown (`next dev`). */
function clientIp(headers: Record<string, unknown> | undefined): string {
  return (
    requestAddress((name) => {
      const value = headers?.[name];
      return typeof value === "string" || Array.isArray(value) ? (value as string | string[]) : null;
    }) ?? "local"
  );
}

/** How people may sign in right now: decided per request, since an admin can change it at run time. */
export type TSignInMethods = {
  /** Username and password (Admin → Settings, LOCAL_LOGIN). */
  localLogin: boolean;
  /** The identity provider, when single sign-on is configured. */
  sso: TSsoConfig | null;
};

/** The sign-in methods in force: the settings as stored, with SSO_* and LOCAL_LOGIN winning. */
export async function signInMethods(): Promise<TSignInMethods> {
  const [sso, local] = await Promise.all([ssoConfig(prisma), readSwitch(prisma, "localLogin")]);
  return { sso, localLogin: localLoginFrom(local.on, sso) };
}

/** Where a refused single sign-on lands: the login page, which names the reason it may name. */
const refusedUrl = (error: "sso_no_access" | "sso_refused") => `/login?error=${error}`;

/**
 * `header` reads the request being answered: over https every cookie is `Secure` and prefixed.
 */
export function authOptions(
  methods: TSignInMethods = { localLogin: true, sso: null },
  requestIp: string | null = null,
  header: (name: string) => string | null = () => null,
): NextAuthOptions {
  const { sso } = methods;
  const providers: NextAuthOptions["providers"] = [];
  if (methods.localLogin) providers.push(credentialsProvider());
  if (sso) providers.push(ssoProvider(sso));
  return {
    secret: env().AUTH_SECRET,
    useSecureCookies: servedOverHttps(header),
    session: { strategy: "jwt", maxAge: env().SESSION_MAX_AGE },
    jwt: { maxAge: env().SESSION_MAX_AGE },
    // next-auth's own error page would show its English codes: the login page translates them.
    pages: { signIn: "/login", error: "/login" },
    providers,
    logger: {
      // A failure before our callbacks run (a forged or stale callback, a refused code exchange)
      // is audited too; only next-auth's code and the error's message are kept, never its metadata.
      error(code, metadata) {
        const message = metadata instanceof Error ? metadata.message : metadata.error?.message;
        logger.error({ code, message }, "next-auth error");
        if (!code.startsWith("OAUTH_")) return;
        recordAudit(prisma, { actor: { id: null, label: "sso" }, action: "login.sso_failed", details: { code }, ip: requestIp }).catch((error: unknown) =>
          logger.error({ err: error }, "single sign-on failure not audited"),
        );
      },
      warn(code) {
        logger.warn({ code }, "next-auth warning");
      },
      debug() {},
    },
    events: {
      // next-auth only clears the cookie; deleting the row ends every copy of it.
      async signOut({ token }) {
        const sessionId = sessionIdOf(token?.sid);
        if (sessionId) await endSession(prisma, sessionId);
      },
    },
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== SSO_PROVIDER_ID) return true;
        if (!sso || !profile?.sub) return refusedUrl("sso_refused");
        try {
          const claims = profile as Record<string, unknown>;
          const result = await signInWithSso(prisma, { issuer: sso.issuer, subject: profile.sub, claims, groupsClaim: sso.groupsClaim, ip: requestIp });
          if (result.kind === "ok") return true;
          return refusedUrl(result.reason === "no_access" ? "sso_no_access" : "sso_refused");
        } catch (error) {
          logger.error({ err: error }, "single sign-on failed unexpectedly");
          return refusedUrl("sso_refused");
        }
      },
      async jwt({ token, user, account, profile }) {
        // Only at sign-in: the session's row is what later requests check.
        if (!user) return token;
        let userId = user.id;
        let epoch = (user as { sessionEpoch?: number }).sessionEpoch ?? 0;
        if (account?.provider === SSO_PROVIDER_ID) {
          // The signIn callback above has just linked or created this user: found by the link, not by name.
          const linked = await prisma.user.findUniqueOrThrow({
            where: { ssoIssuer_ssoSubject: { ssoIssuer: sso!.issuer, ssoSubject: profile!.sub! } },
            select: { id: true, displayName: true, sessionEpoch: true },
          });
          userId = linked.id;
          epoch = linked.sessionEpoch;
          token.name = linked.displayName;
          delete token.email;
          delete token.picture;
        }
        token.sub = userId;
        token.epoch = epoch;
        token.sid = await openSession(prisma, { userId, maxAgeSeconds: env().SESSION_MAX_AGE });
        return token;
      },
      session({ session, token }) {
        return { ...session, userId: token.sub, sessionEpoch: typeof token.epoch === "number" ? token.epoch : 0 };
      },
    },
  };
}

function credentialsProvider() {
  return CredentialsProvider({
    name: "Username and password",
    credentials: {
      username: { label: "Username", type: "text" },
      password: { label: "Password", type: "password" },
      code: { label: "Authentication code", type: "text" },
    },
    async authorize(credentials, req) {
      const policy = {
        maxFailures: env().LOGIN_MAX_FAILURES,
        lockMinutes: env().LOGIN_LOCK_MINUTES,
        username: { ...USERNAME_DELAY, freeFailures: env().LOGIN_USERNAME_FREE_FAILURES, maxDelayMs: env().LOGIN_USERNAME_MAX_DELAY_SECONDS * 1000 },
      };
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
  });
}
