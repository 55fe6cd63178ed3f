import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type TProductCodeOption = { code: string; name: string };

/** The product codes an officer may request now (inactive ones stay for history only). */
export async function listActiveProductCodes(db: PrismaClient): Promise<TProductCodeOption[]> {
  return db.productCode.findMany({ where: { active: true }, select: { code: true, name: true }, orderBy: { code: "asc" } });
}
