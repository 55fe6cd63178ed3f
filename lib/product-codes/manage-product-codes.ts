// Product codes: create, edit (name, description, active, account number length), and delete only when no product
// request ever named one (the foreign key from product_requests would refuse it anyway).
import "server-only";
import { recordAudit, type TAuditActor } from "@/lib/audit/record-audit";
import { isForeignKeyViolation, isUniqueViolation } from "@/lib/db/prisma-errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TCreateProductCode, TProductCodeResult, TUpdateProductCode } from "./product-code-schemas";

export type TProductCodeRow = {
  code: string;
  name: string;
  description: string | null;
  active: boolean;
  /** Digits of the core's account numbers of this product, as an admin set it; null: learnt. */
  accountNumberLength: number | null;
  requests: number;
  updatedAt: Date;
};

type TContext = { actor: TAuditActor; ip?: string | null };

export async function listProductCodes(db: PrismaClient): Promise<TProductCodeRow[]> {
  const rows = await db.productCode.findMany({ orderBy: { code: "asc" }, include: { _count: { select: { requests: true } } } });
  return rows.map(({ _count, createdAt: _created, ...row }) => ({ ...row, requests: _count.requests }));
}

export async function getProductCode(db: PrismaClient, code: string): Promise<TProductCodeRow | null> {
  const row = await db.productCode.findUnique({ where: { code }, include: { _count: { select: { requests: true } } } });
  if (!row) return null;
  const { _count, createdAt: _created, ...rest } = row;
  return { ...rest, requests: _count.requests };
}

export async function createProductCode(db: PrismaClient, input: TCreateProductCode, ctx: TContext): Promise<TProductCodeResult> {
  try {
    await db.$transaction(async (tx) => {
      const accountNumberLength = input.accountNumberLength ?? null;
      await tx.productCode.create({ data: { code: input.code, name: input.name, description: input.description || null, active: input.active, accountNumberLength } });
      await recordAudit(tx, { ...ctx, action: "product_code.created", targetType: "product_code", targetId: input.code, details: { active: input.active, accountNumberLength } });
    });
    return { kind: "done" };
  } catch (error) {
    if (isUniqueViolation(error)) return { kind: "taken" };
    throw error;
  }
}

export async function updateProductCode(db: PrismaClient, input: TUpdateProductCode, ctx: TContext): Promise<TProductCodeResult> {
  return db.$transaction(async (tx) => {
    const current = await tx.productCode.findUnique({ where: { code: input.code } });
    if (!current) return { kind: "not_found" } as const;
    const next = { name: input.name, description: input.description || null, active: input.active, accountNumberLength: input.accountNumberLength ?? null };
    const changed = (Object.keys(next) as Array<keyof typeof next>).filter((field) => current[field] !== next[field]);
    if (changed.length === 0) return { kind: "done" } as const;
    await tx.productCode.update({ where: { code: input.code }, data: next });
    const action = changed.length === 1 && changed[0] === "active" ? (input.active ? "product_code.activated" : "product_code.deactivated") : "product_code.updated";
    await recordAudit(tx, { ...ctx, action, targetType: "product_code", targetId: input.code, details: { changed, active: input.active, accountNumberLength: next.accountNumberLength } });
    return { kind: "done" } as const;
  });
}

/** Deletes a code no request ever used; a used one must be deactivated instead. */
export async function deleteProductCode(db: PrismaClient, code: string, ctx: TContext): Promise<TProductCodeResult> {
  try {
    return await db.$transaction(async (tx) => {
      const current = await tx.productCode.findUnique({ where: { code }, include: { _count: { select: { requests: true } } } });
      if (!current) return { kind: "not_found" } as const;
      if (current._count.requests > 0) return { kind: "in_use" } as const;
      await tx.productCode.delete({ where: { code } });
      await recordAudit(tx, { ...ctx, action: "product_code.deleted", targetType: "product_code", targetId: code, details: { name: current.name } });
      return { kind: "done" } as const;
    });
  } catch (error) {
    // A push that named the code committed between the count and the delete.
    if (isForeignKeyViolation(error)) return { kind: "in_use" };
    throw error;
  }
}
