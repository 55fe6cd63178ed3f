// Who hears of a breach: the one place that says it, for the audit event now and the
// notifications later. The owner (when active) and the active leads of the enrollment's branch;
// an unowned enrollment is escalated: its branch's leads only.
import "server-only";
import type { TDb } from "@/lib/db/types";

export type TBreachedEnrollment = { id: string; ownerId: string | null; branchCode: string | null };
export type TBreachRecipients = { userIds: string[]; escalated: boolean };

export async function breachRecipients(tx: TDb, enrollment: TBreachedEnrollment): Promise<TBreachRecipients> {
  const leads = enrollment.branchCode === null ? [] : [{ deskLead: true, branches: { has: enrollment.branchCode } }];
  const owner = enrollment.ownerId === null ? [] : [{ id: enrollment.ownerId }];
  const users = leads.length + owner.length === 0 ? [] : await tx.user.findMany({ where: { disabled: false, OR: [...owner, ...leads] }, select: { id: true }, orderBy: { id: "asc" } });
  return { userIds: users.map((user) => user.id), escalated: enrollment.ownerId === null };
}
