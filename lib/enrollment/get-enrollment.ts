import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** One enrollment with what the detail page shows; null when it does not exist. */
export async function getEnrollment(db: PrismaClient, id: string) {
  if (!z.uuid().safeParse(id).success) return null;
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
      lastEditedById: true,
    },
  });
}
