import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TDb } from "@/lib/db/types";

/** Who did it: a person, an API key, or the system itself. */
export type TAuditActor = { id: string | null; label: string };

export type TAuditInput = {
  actor: TAuditActor;
  action: string;
  targetType?: string;
  targetId?: string;
  /** Paths, counts and codes only: never PII values. */
  details?: Prisma.InputJsonValue;
  ip?: string | null;
};

/** Appends one audit event; pass the transaction client to make it part of the change. */
export async function recordAudit(db: TDb, input: TAuditInput): Promise<void> {
  await db.auditEvent.create({
    data: {
      actorId: input.actor.id,
      actorLabel: input.actor.label,
      action: input.action,
      targetType: input.targetType ?? null,
      targetId: input.targetId ?? null,
      details: input.details ?? {},
      ip: input.ip ?? null,
    },
  });
}
