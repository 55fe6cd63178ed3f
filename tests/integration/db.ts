import { prisma } from "@/lib/db/client";
import { createScratchDatabase } from "@/lib/db/scratch-database";

export { prisma };

/**
 * The owner's connection, which scripts/with-db.ts gives a test run as MIGRATION_DATABASE_URL
 * (DATABASE_URL is the application's role's), for what that role may not do: make databases,
 * tamper with the audit log as an attacker would.
 */
export function ownerDatabaseUrl(): string {
  return process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL!;
}

/**
 * A scratch database on the same server, dropped by the returned function: empty, or migrated and
 * granted to the application's role like the real one (its `appUrl`; its `url` is the owner's).
 */
export function scratchDatabase(prefix: string, options: { migrate: boolean } = { migrate: false }) {
  return createScratchDatabase(ownerDatabaseUrl(), { prefix, migrate: options.migrate, appUrl: process.env.DATABASE_URL });
}

/** A random wisenroll-like code, so tests never collide with each other or the demo data. */
export function uniqueCode(length = 6): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  return Array.from({ length }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join("");
}
