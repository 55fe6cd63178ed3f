import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { clearFailures, lockedUntil, recordFailure, throttleKey } from "@/lib/auth/login-throttle";
import { verifyPassword } from "@/lib/auth/password";
import type { TRole } from "@/lib/auth/roles";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

const ZCredentials = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});

function clientIp(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  return first || "local";
}

/** Checks a username and password; every outcome is audited and failures are throttled. */
async function authorize(raw: Record<string, string> | undefined, ip: string) {
  const parsed = ZCredentials.safeParse(raw ?? {});
  if (!parsed.success) return null;
  const { username, password } = parsed.data;
  const key = throttleKey(username, ip);
  const actor = { id: null, label: username };
  if (await lockedUntil(prisma, key)) {
    await recordAudit(prisma, { actor, action: "login.locked", ip });
    logger.warn({ username, ip }, "login refused: locked");
    return null;
  }
  const user = await prisma.user.findUnique({
    where: { username },
    select: { id: true, username: true, displayName: true, role: true, disabled: true, passwordHash: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !ok || user.disabled) {
    const { failures, lockedUntil: until } = await recordFailure(prisma, key, {
      maxFailures: env().LOGIN_MAX_FAILURES,
      lockMinutes: env().LOGIN_LOCK_MINUTES,
    });
    const reason = !user ? "unknown_user" : user.disabled ? "disabled" : "bad_password";
    await recordAudit(prisma, { actor: { id: user?.id ?? null, label: username }, action: "login.failed", details: { reason, failures, locked: until !== null }, ip });
    logger.warn({ username, ip, reason, failures }, "login failed");
    return null;
  }
  await clearFailures(prisma, key);
  await prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  await recordAudit(prisma, { actor: { id: user.id, label: user.username }, action: "login.succeeded", ip });
  return { id: user.id, name: user.displayName, role: user.role as TRole };
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
        credentials: { username: { label: "Username", type: "text" }, password: { label: "Password", type: "password" } },
        authorize: (credentials, req) => authorize(credentials, clientIp(req.headers)),
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        return { ...session, userId: token.sub };
      },
    },
  };
}
