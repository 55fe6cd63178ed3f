// Intake API keys as admins manage them: a key is shown once at creation; only its sha256 and a
// prefix are kept. Revoking is immediate: authenticateIntakeKey refuses a revoked key.
import "server-only";
import { recordAudit, type TAuditActor } from "@/lib/audit/record-audit";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { generateIntakeKey } from "./api-keys";

type TContext = { actor: TAuditActor & { id: string }; ip?: string | null };

export type TIntakeKeyRow = { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

export async function listIntakeKeys(db: PrismaClient): Promise<TIntakeKeyRow[]> {
  return db.intakeApiKey.findMany({
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    take: 500,
  });
}

/** Creates a key; the returned `key` is the only time it exists outside the caller's hands. */
export async function createIntakeKey(db: PrismaClient, name: string, ctx: TContext): Promise<{ id: string; name: string; key: string }> {
  const { key, prefix, keyHash } = generateIntakeKey();
  const row = await db.$transaction(async (tx) => {
    const created = await tx.intakeApiKey.create({ data: { name, prefix, keyHash, createdById: ctx.actor.id }, select: { id: true } });
    await recordAudit(tx, { ...ctx, action: "intake_key.created", targetType: "intake_key", targetId: created.id, details: { name, prefix } });
    return created;
  });
  return { id: row.id, name, key };
}

export async function revokeIntakeKey(db: PrismaClient, id: string, ctx: TContext): Promise<{ kind: "revoked" | "not_found"; name?: string }> {
  return db.$transaction(async (tx) => {
    const key = await tx.intakeApiKey.findUnique({ where: { id }, select: { name: true, prefix: true, revokedAt: true } });
    if (!key) return { kind: "not_found" as const };
    if (key.revokedAt) return { kind: "revoked" as const, name: key.name };
    await tx.intakeApiKey.update({ where: { id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, { ...ctx, action: "intake_key.revoked", targetType: "intake_key", targetId: id, details: { name: key.name, prefix: key.prefix } });
    return { kind: "revoked" as const, name: key.name };
  });
}
