// After a password change or enabling TOTP every session of the user has ended, the one in use
// too: a copy of its cookie must not outlive the change. The user who made the change carries on
// in a new session, issued here as next-auth would have at sign-in.
import "server-only";
import { encode } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { sessionCookieFor } from "@/lib/auth/session-cookie";
import { openSession } from "@/lib/auth/session-store";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env";

/** Opens a new session for the user and sets its cookie on the action's response. */
export async function reissueSession(userId: string): Promise<void> {
  const maxAge = env().SESSION_MAX_AGE;
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { displayName: true, sessionEpoch: true } });
  const sid = await openSession(prisma, { userId, maxAgeSeconds: maxAge });
  const token = await encode({ token: { name: user.displayName, sub: userId, epoch: user.sessionEpoch, sid }, secret: env().AUTH_SECRET, maxAge });
  const requestHeaders = await headers();
  const { name, secure } = sessionCookieFor((header) => requestHeaders.get(header));
  (await cookies()).set(name, token, { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge });
}
