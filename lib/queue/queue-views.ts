// A user's saved queue views. Every query is scoped to the user by construction: the functions take
// the user id and no view is read, changed or deleted through any other key.
import "server-only";
import { recordAudit, type TAuditActor } from "@/lib/audit/record-audit";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { QUEUE_VIEWS_MAX, readViewFilters, type TQueueView, type TQueueViewResult, type TSaveQueueView } from "@/lib/queue/queue-view-input";

export async function listQueueViews(db: PrismaClient, userId: string): Promise<TQueueView[]> {
  const rows = await db.queueView.findMany({ where: { userId }, orderBy: { name: "asc" }, select: { id: true, name: true, filters: true, isDefault: true } });
  return rows.map((row) => ({ ...row, filters: readViewFilters(row.filters) }));
}

/** Saves the view under its name (replacing the user's view of that name), optionally as the default. */
export async function saveQueueView(db: PrismaClient, actor: TAuditActor & { id: string }, input: TSaveQueueView): Promise<TQueueViewResult> {
  return db.$transaction(async (tx) => {
    const existing = await tx.queueView.findUnique({ where: { userId_name: { userId: actor.id, name: input.name } }, select: { id: true } });
    if (!existing && (await tx.queueView.count({ where: { userId: actor.id } })) >= QUEUE_VIEWS_MAX) return { kind: "tooMany" };
    if (input.makeDefault) await tx.queueView.updateMany({ where: { userId: actor.id, isDefault: true }, data: { isDefault: false } });
    const view = await tx.queueView.upsert({
      where: { userId_name: { userId: actor.id, name: input.name } },
      create: { userId: actor.id, name: input.name, filters: input.filters, isDefault: input.makeDefault },
      update: { filters: input.filters, ...(input.makeDefault ? { isDefault: true } : {}) },
      select: { id: true },
    });
    await recordAudit(tx, { actor, action: "queue_view.saved", targetType: "queue_view", targetId: view.id, details: { name: input.name, default: input.makeDefault } });
    return { kind: "saved", id: view.id };
  });
}

export async function deleteQueueView(db: PrismaClient, actor: TAuditActor & { id: string }, viewId: string): Promise<TQueueViewResult> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.queueView.deleteMany({ where: { id: viewId, userId: actor.id } });
    if (count === 0) return { kind: "notFound" };
    await recordAudit(tx, { actor, action: "queue_view.deleted", targetType: "queue_view", targetId: viewId, details: {} });
    return { kind: "done" };
  });
}

/** Makes one of the user's views their default, or none (null). */
export async function setDefaultQueueView(db: PrismaClient, actor: TAuditActor & { id: string }, viewId: string | null): Promise<TQueueViewResult> {
  return db.$transaction(async (tx) => {
    if (viewId !== null && !(await tx.queueView.findFirst({ where: { id: viewId, userId: actor.id }, select: { id: true } }))) return { kind: "notFound" };
    await tx.queueView.updateMany({ where: { userId: actor.id, isDefault: true }, data: { isDefault: false } });
    if (viewId !== null) await tx.queueView.update({ where: { id: viewId }, data: { isDefault: true } });
    await recordAudit(tx, { actor, action: "queue_view.default_set", targetType: "queue_view", targetId: viewId ?? actor.id, details: { view: viewId } });
    return { kind: "done" };
  });
}
