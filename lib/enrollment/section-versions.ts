import "server-only";
import { SECTION_KEYS, type TSectionKey } from "@/lib/enrollment/field-table";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TDb } from "@/lib/db/types";

// A section's version is the enrollment version its last saved change produced (0: as received).
// Sections are checked against their own version, so saving one never conflicts with another;
// the enrollment's own version still names the whole payload a push was reviewed at.

/** The last saved change of a section: the version it produced, who made it (display name) and when. */
export type TSectionSave = { version: number; by: string; at: Date };

export type TSectionSaves = Record<TSectionKey, TSectionSave | null>;

type TRow = { section: string; version: number; at: Date; by: string };

async function lastSaves(db: TDb, enrollmentId: string, section: TSectionKey | null): Promise<TRow[]> {
  return db.$queryRaw<TRow[]>`
    SELECT DISTINCT ON (r.section) r.section, r.version, r.at, COALESCE(NULLIF(u.display_name, ''), r.actor_label) AS by
    FROM enrollment_revisions r LEFT JOIN users u ON u.id = r.actor_id
    WHERE r.enrollment_id = ${enrollmentId}::uuid ${section === null ? Prisma.empty : Prisma.sql`AND r.section = ${section}`}
    ORDER BY r.section, r.version DESC`;
}

/** The last saved change of every section of an enrollment (null: none since received). */
export async function sectionSaves(db: TDb, enrollmentId: string): Promise<TSectionSaves> {
  const saves = Object.fromEntries(SECTION_KEYS.map((key) => [key, null])) as TSectionSaves;
  for (const row of await lastSaves(db, enrollmentId, null)) {
    if ((SECTION_KEYS as readonly string[]).includes(row.section)) saves[row.section as TSectionKey] = { version: row.version, by: row.by, at: row.at };
  }
  return saves;
}

/** The last saved change of one section; null when none since received. */
export async function lastSectionSave(db: TDb, enrollmentId: string, section: TSectionKey): Promise<TSectionSave | null> {
  const [row] = await lastSaves(db, enrollmentId, section);
  return row ? { version: row.version, by: row.by, at: row.at } : null;
}
