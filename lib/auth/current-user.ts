import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { authOptions } from "@/lib/auth/options";
import type { TRole } from "@/lib/auth/roles";
import { prisma } from "@/lib/db/client";

export type TCurrentUser = { id: string; username: string; displayName: string; role: TRole; locale: string };

/**
 * The signed-in user as the database knows them now: the role and the disabled flag are read
 * on every request, so a change takes effect at once rather than at token expiry.
 */
export const getCurrentUser = cache(async (): Promise<TCurrentUser | null> => {
  const session = await getServerSession(authOptions());
  const userId = (session as { userId?: string } | null)?.userId;
  if (!userId) return null;
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, username: true, displayName: true, role: true, disabled: true, locale: true },
  });
  if (!user || user.disabled) return null;
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role, locale: user.locale };
});
