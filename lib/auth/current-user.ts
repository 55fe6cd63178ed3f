import "server-only";
import { getToken } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { sessionCookieFor } from "@/lib/auth/session-cookie";
import { decodeSessionToken } from "@/lib/auth/session-token";
import { sessionIdOf } from "@/lib/auth/session-store";
import type { TRole } from "@/lib/auth/roles";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { readSwitch } from "@/lib/settings/switches";

/**
 * What a signed-in user must do before anything else: change the temporary password an admin
 * set, or enrol a TOTP second factor now that an admin requires one.
 */
export type TPendingStep = "password" | "totp";

export type TCurrentUser = {
  id: string;
  username: string;
  displayName: string;
  role: TRole;
  /** Branch codes whose enrollments the user works (lib/desk/scope.ts decides what they mean). */
  branches: string[];
  /** Manages the desk of their branches (assigns to other officers). */
  deskLead: boolean;
  locale: string;
  totpEnabled: boolean;
  pending: TPendingStep | null;
};

/**
 * The signed-in user as the database knows them now: the session's row, the role, the disabled
 * flag and the session epoch are read on every request, so signing out or a change takes effect
 * at once rather than at token expiry.
 */
export const getCurrentUser = cache(async (): Promise<TCurrentUser | null> => {
  // The session cookie only (no bearer header, which getToken would also read), decoded as
  // next-auth's getServerSession would, without its re-signing of a cookie a page cannot set.
  const requestHeaders = await headers();
  const { name, secure } = sessionCookieFor((header) => requestHeaders.get(header));
  const token = await getToken({
    req: { headers: {}, cookies: await cookies() } as never,
    secret: env().AUTH_SECRET,
    decode: decodeSessionToken,
    cookieName: name,
    secureCookie: secure,
  });
  const userId = token?.sub;
  const sessionId = sessionIdOf(token?.sid);
  const sessionEpoch = typeof token?.epoch === "number" ? token.epoch : 0;
  if (!userId || !sessionId) return null;
  const session = await prisma.userSession.findUnique({
    where: { id: sessionId },
    select: {
      userId: true,
      expiresAt: true,
      user: { select: { id: true, username: true, displayName: true, role: true, branches: true, deskLead: true, disabled: true, locale: true, mustChangePassword: true, totpEnabledAt: true, sessionEpoch: true } },
    },
  });
  // No row: signed out, or ended by a change of password, second factor or role.
  if (!session || session.userId !== userId || session.expiresAt <= new Date()) return null;
  const { user } = session;
  // A session signed in before an admin reset the password or second factor is over.
  if (user.disabled || user.sessionEpoch !== sessionEpoch) return null;
  const totpEnabled = user.totpEnabledAt !== null;
  let pending: TPendingStep | null = null;
  if (user.mustChangePassword) pending = "password";
  else if (!totpEnabled && (await readSwitch(prisma, "requireTotp")).on) pending = "totp";
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role, branches: user.branches, deskLead: user.deskLead, locale: user.locale, totpEnabled, pending };
});
