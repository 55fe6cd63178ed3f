// The save-section action's input and result, shared by the form (client) and the action.
import { z } from "zod";
import { SECTION_KEYS } from "@/lib/enrollment/field-table";

export const ZSaveSectionInput = z.object({
  enrollmentId: z.uuid(),
  /** The enrollment version the form was loaded at: a save against an older one is refused. */
  version: z.number().int().positive(),
  section: z.enum(SECTION_KEYS),
  /** The whole section as edited (unknown keys included); validated by the section's schema. */
  value: z.unknown(),
});
export type TSaveSectionInput = z.infer<typeof ZSaveSectionInput>;

export type TFieldError = { path: string; message: string };

export type TSaveSectionResult =
  | { kind: "saved"; version: number; issueCount: number; status: string; changed: number }
  | { kind: "invalid"; errors: TFieldError[] }
  | { kind: "conflict"; currentVersion: number; editedBy: string | null }
  | { kind: "locked"; status: string };
