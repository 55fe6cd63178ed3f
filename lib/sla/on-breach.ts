// The one hook a breach goes through, inside the transaction that marked it: records the audit
// event with its recipients and notifies them (lib/notifications/events.ts), so a breach is
// announced exactly as often as it is marked: once.
import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notifySlaBreach } from "@/lib/notifications/events";

export type TSlaBreach = { enrollmentId: string; userIds: string[]; escalated: boolean; /** The due time breached. */ dueAt?: Date };

export const SLA_ACTOR = { id: null, label: "sla" } as const;

export async function onSlaBreached(tx: Prisma.TransactionClient, breach: TSlaBreach): Promise<void> {
  await recordAudit(tx, {
    actor: SLA_ACTOR,
    action: "enrollment.sla_breached",
    targetType: "enrollment",
    targetId: breach.enrollmentId,
    details: { recipients: breach.userIds, escalated: breach.escalated },
  });
  await notifySlaBreach(tx, breach);
}
