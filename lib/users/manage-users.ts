// User administration: create, change role, disable/enable, reset password, reset the second
// factor. Each change and its audit event commit together. The console never loses its last
// active admin: changes that would remove one run under a lock and count the others first.
import "server-only";
import crypto from "node:crypto";
import { recordAudit, type TAuditActor } from "@/lib/audit/record-audit";
import type { TCurrentUser } from "@/lib/auth/current-user";
import { hashPassword } from "@/lib/auth/password";
import type { TRole } from "@/lib/auth/roles";
import { delayKey } from "@/lib/auth/login-delay";
import { endUserSessions } from "@/lib/auth/session-store";
import { isUniqueViolation } from "@/lib/db/prisma-errors";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { TCreateUser, TUserAdminResult } from "./user-schemas";

/** Who acts, and from where: an admin in the console, or an operator at the command line (no id). */
export type TAdminContext = { actor: TAuditActor; ip?: string | null };

export const adminContext = (user: TCurrentUser, ip: string | null): TAdminContext => ({ actor: { id: user.id, label: user.username }, ip });

const PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

/** A temporary password to hand over once (16 characters, ~93 bits). */
export function generateTemporaryPassword(): string {
  return Array.from(crypto.randomBytes(16), (byte) => PASSWORD_ALPHABET[byte % PASSWORD_ALPHABET.length]).join("");
}

const TOTP_CLEARED = {
  totpSecret: null,
  totpKeyVersion: null,
  totpEnabledAt: null,
  totpLastStep: null,
  totpPendingSecret: null,
  totpPendingKeyVersion: null,
  totpRecoveryHashes: [],
} satisfies Prisma.UserUpdateInput;

/** Serialises changes that could remove an admin, so two of them cannot both pass the count. */
async function lockAdmins(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('users:active-admins', 0))`;
}

async function otherActiveAdmins(tx: Prisma.TransactionClient, userId: string): Promise<number> {
  return tx.user.count({ where: { role: "admin", disabled: false, id: { not: userId } } });
}

async function audit(tx: Prisma.TransactionClient, ctx: TAdminContext, action: string, userId: string, details: Prisma.InputJsonValue = {}) {
  await recordAudit(tx, { actor: ctx.actor, action, targetType: "user", targetId: userId, details, ip: ctx.ip });
}

export async function createUser(db: PrismaClient, input: TCreateUser, ctx: TAdminContext): Promise<TUserAdminResult & { userId?: string }> {
  const generated = input.temporaryPassword === "" ? generateTemporaryPassword() : null;
  const passwordHash = await hashPassword(generated ?? input.temporaryPassword);
  try {
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: { username: input.username, displayName: input.displayName, role: input.role, passwordHash, mustChangePassword: true },
        select: { id: true },
      });
      await audit(tx, ctx, "user.created", created.id, { username: input.username, role: input.role, passwordGenerated: generated !== null });
      return created;
    });
    return { kind: "done", userId: user.id, ...(generated ? { temporaryPassword: generated } : {}) };
  } catch (error) {
    if (isUniqueViolation(error)) return { kind: "username_taken" };
    throw error;
  }
}

export async function changeUserRole(db: PrismaClient, userId: string, role: TRole, ctx: TAdminContext): Promise<TUserAdminResult> {
  return db.$transaction(async (tx) => {
    await lockAdmins(tx);
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true, disabled: true } });
    if (!user) return { kind: "not_found" } as const;
    if (user.role === role) return { kind: "done" } as const;
    if (user.role === "admin" && !user.disabled && (await otherActiveAdmins(tx, userId)) === 0) return { kind: "last_admin" } as const;
    await tx.user.update({ where: { id: userId }, data: { role } });
    // The user signs in again under the new role: nothing opened under the old one carries over.
    await endUserSessions(tx, userId);
    await audit(tx, ctx, "user.role_changed", userId, { from: user.role, to: role });
    return { kind: "done" } as const;
  });
}

export async function setUserDisabled(db: PrismaClient, userId: string, disabled: boolean, ctx: TAdminContext): Promise<TUserAdminResult> {
  return db.$transaction(async (tx) => {
    await lockAdmins(tx);
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true, disabled: true } });
    if (!user) return { kind: "not_found" } as const;
    if (user.disabled === disabled) return { kind: "done" } as const;
    if (disabled && user.role === "admin" && (await otherActiveAdmins(tx, userId)) === 0) return { kind: "last_admin" } as const;
    await tx.user.update({ where: { id: userId }, data: { disabled } });
    await audit(tx, ctx, disabled ? "user.disabled" : "user.enabled", userId);
    return { kind: "done" } as const;
  });
}

/** The branches a user works and their lead flag; read on every request, so it applies at once. */
export async function setUserDesk(db: PrismaClient, userId: string, desk: { branches: string[]; deskLead: boolean }, ctx: TAdminContext): Promise<TUserAdminResult> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { branches: true, deskLead: true } });
    if (!user) return { kind: "not_found" } as const;
    if (JSON.stringify(user.branches) === JSON.stringify(desk.branches) && user.deskLead === desk.deskLead) return { kind: "done" } as const;
    await tx.user.update({ where: { id: userId }, data: { branches: desk.branches, deskLead: desk.deskLead } });
    await audit(tx, ctx, "user.desk_changed", userId, { from: { branches: user.branches, deskLead: user.deskLead }, to: { branches: desk.branches, deskLead: desk.deskLead } });
    return { kind: "done" } as const;
  });
}

/**
 * Sets a temporary password the user must change at the next sign-in, and lifts a login lock on
 * the username (the admin has just checked who is asking).
 */
export async function resetUserPassword(db: PrismaClient, userId: string, temporaryPassword: string, ctx: TAdminContext): Promise<TUserAdminResult> {
  const generated = temporaryPassword === "" ? generateTemporaryPassword() : null;
  const passwordHash = await hashPassword(generated ?? temporaryPassword);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { username: true } });
    if (!user) return { kind: "not_found" } as const;
    // Whoever holds a session of this account now (perhaps the reason for the reset) is signed out.
    await tx.user.update({ where: { id: userId }, data: { passwordHash, mustChangePassword: true, sessionEpoch: { increment: 1 } } });
    await tx.loginThrottle.deleteMany({ where: { OR: [{ key: { startsWith: `${user.username.toLowerCase()}|` } }, { key: delayKey.username(user.username) }] } });
    await audit(tx, ctx, "user.password_reset", userId, { passwordGenerated: generated !== null });
    return { kind: "done", ...(generated ? { temporaryPassword: generated } : {}) } as const;
  });
}

/** Removes the user's second factor (lost phone): they enrol again, if it is required at once. */
export async function resetUserTotp(db: PrismaClient, userId: string, ctx: TAdminContext): Promise<TUserAdminResult> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { totpEnabledAt: true } });
    if (!user) return { kind: "not_found" } as const;
    await tx.user.update({ where: { id: userId }, data: { ...TOTP_CLEARED, sessionEpoch: { increment: 1 } } });
    await audit(tx, ctx, "user.totp_reset", userId, { wasEnabled: user.totpEnabledAt !== null });
    return { kind: "done" } as const;
  });
}
