// The save-section action's input and result, shared by the form (client) and the action.
import { z } from "zod";
import { SECTION_KEYS } from "@/lib/enrollment/field-table";

export const ZSaveSectionInput = z.object({
  enrollmentId: z.uuid(),
  /**
   * The section's version the form's values were based on (0: as received). A save is refused
   * only when someone saved this same section since; saves of other sections never conflict.
   */
  sectionVersion: z.number().int().nonnegative(),
  section: z.enum(SECTION_KEYS),
  /** The whole section as edited (unknown keys included); validated by the section's schema. */
  value: z.unknown(),
});
export type TSaveSectionInput = z.infer<typeof ZSaveSectionInput>;

export type TFieldError = { path: string; message: string };

export type TSaveSectionResult =
  /** Stored: the enrollment's new version, which is also the section's new version. */
  | { kind: "saved"; version: number; issueCount: number; status: string; changed: number }
  /** The value equals the stored one: nothing was written. */
  | { kind: "unchanged"; sectionVersion: number }
  | { kind: "invalid"; errors: TFieldError[] }
  /** Someone saved this section since `sectionVersion`: their save, and the section as it is now. */
  | { kind: "conflict"; sectionVersion: number; editedBy: string | null; editedAt: string | null; value: unknown }
  | { kind: "locked"; status: string };
