// An officer's view of an enrollment shows its document numbers in full (the forms need them), so
// opening it is an audit event, as compliance's reveal is. A page is rendered again after every
// save (revalidatePath); one event per user and enrollment per window keeps the log readable.
import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export const NUMBERS_SHOWN_ACTION = "enrollment.edit_view_opened";
const WINDOW_MS = 10 * 60_000;

/** Options of recordNumbersShown: who opened which enrollment, and whether it was editable. */
export type TNumbersShown = { user: { id: string; username: string }; enrollmentId: string; editable: boolean; ip: string | null };

export async function recordNumbersShown(db: PrismaClient, options: TNumbersShown): Promise<void> {
  const { user, enrollmentId, editable, ip } = options;
  const recent = await db.auditEvent.findFirst({
    where: { action: NUMBERS_SHOWN_ACTION, actorId: user.id, targetType: "enrollment", targetId: enrollmentId, at: { gte: new Date(Date.now() - WINDOW_MS) } },
    select: { id: true },
  });
  if (recent) return;
  await recordAudit(db, { actor: { id: user.id, label: user.username }, action: NUMBERS_SHOWN_ACTION, targetType: "enrollment", targetId: enrollmentId, details: { editable }, ip });
}
