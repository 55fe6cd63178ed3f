import "server-only";
import crypto from "node:crypto";
import type { TAuditActor } from "@/lib/audit/record-audit";
import type { PrismaClient } from "@/lib/generated/prisma/client";

const sha256 = (value: string) => crypto.createHash("sha256").update(value).digest("hex");

// Writing last_used_at on every call would cost a row update per intake; once a minute is
// enough for an admin to see which keys are alive.
const LAST_USED_RESOLUTION_MS = 60_000;

function bearerToken(header: string | null): string | null {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1] ?? null;
}

/**
 * An intake caller: the audit actor, and the sha256 of its key, which is stored on each enrollment
 * it sends and is the only key that may read that enrollment back.
 */
export type TIntakeActor = TAuditActor & { keyHash: string };

/** Who is calling the intake API, or null when the key is missing, unknown or revoked. */
export async function authenticateIntakeKey(
  db: PrismaClient,
  authorization: string | null,
  envKeys: string | undefined,
): Promise<TIntakeActor | null> {
  const token = bearerToken(authorization);
  if (!token || token.length > 200) return null;
  const digest = Buffer.from(sha256(token), "hex");
  const fromEnv = (envKeys ?? "")
    .split(",")
    .map((key) => key.trim())
    .filter(Boolean)
    .some((key) => crypto.timingSafeEqual(Buffer.from(sha256(key), "hex"), digest));
  const keyHash = digest.toString("hex");
  if (fromEnv) return { id: null, label: `intake-key:env:${token.slice(0, 6)}`, keyHash };

  const key = await db.intakeApiKey.findUnique({ where: { keyHash } });
  if (!key || key.revokedAt) return null;
  if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.intakeApiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date() } });
  }
  return { id: null, label: `intake-key:${key.name}`, keyHash };
}

/** A new random key (32 bytes) and what is stored of it (the key itself is shown once and never kept). */
export function generateIntakeKey() {
  const key = `ec_${crypto.randomBytes(32).toString("base64url")}`;
  return { key, prefix: key.slice(0, 10), keyHash: sha256(key) };
}
