import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** One enrollment with what the detail page shows; null when it does not exist. */
export async function getEnrollment(db: PrismaClient, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  return db.enrollment.findUnique({
    where: { id },
    select: {
      id: true,
      payload: true,
      receivedPayload: true,
      requestedProducts: true,
      status: true,
      issueCount: true,
      version: true,
      fullName: true,
      wisenrollCode: true,
      receivedAt: true,
      customerNumber: true,
      amlStatus: true,
    },
  });
}
