// The one hook a breach goes through, inside the transaction that marked it: records the audit
// event with its recipients. Notifications (another change) are created here too, so a breach is
// announced exactly as often as it is marked: once.
import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TDb } from "@/lib/db/types";

export type TSlaBreach = { enrollmentId: string; userIds: string[]; escalated: boolean };

export const SLA_ACTOR = { id: null, label: "sla" } as const;

export async function onSlaBreached(tx: TDb, breach: TSlaBreach): Promise<void> {
  await recordAudit(tx, {
    actor: SLA_ACTOR,
    action: "enrollment.sla_breached",
    targetType: "enrollment",
    targetId: breach.enrollmentId,
    details: { recipients: breach.userIds, escalated: breach.escalated },
  });
}
