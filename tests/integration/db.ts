import { prisma } from "@/lib/db/client";
import { createScratchDatabase } from "@/lib/db/scratch-database";

export { prisma };

/** An empty scratch database on the same server, dropped by the returned function. */
export function scratchDatabase(prefix: string) {
  return createScratchDatabase(process.env.DATABASE_URL!, { prefix, migrate: false });
}

/** A random wisenroll-like code, so tests never collide with each other or the demo data. */
export function uniqueCode(length = 6): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  return Array.from({ length }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join("");
}
