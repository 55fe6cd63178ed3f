import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/client";

/**
 * Runs reads against one snapshot of the database (a read-only REPEATABLE READ transaction), so
 * parts of one page read separately still agree: a page that read the enrollment before the push
 * worker committed and its pipeline after would show two statuses, and nothing would ever ask it
 * to render again (the pipeline it carries already matches the live one).
 */
export function readSnapshot<T>(read: (db: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return prisma.$transaction(
    async (db) => {
      await db.$executeRaw`SET TRANSACTION READ ONLY`;
      return read(db);
    },
    // a busy machine may keep a connection waiting: a page read is not worth failing for that
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, maxWait: 10_000, timeout: 20_000 },
  );
}
