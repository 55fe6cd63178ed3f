// A branch code as users, SSO groups and enrollments carry it (client_entity_branch.branch_code).
// Shared by the admin forms and the server: no server imports here.
import { z } from "zod";

/** One code: what the enrollment's column holds (at most 40 characters), never a comma or a space. */
export const ZBranchCode = z.string().trim().min(1).max(40).regex(/^[^,\s]+$/, { error: "no commas or spaces" });

/** A list of codes typed as "01, 02 03": each once, in order, at most 100. */
export const ZBranchList = z.preprocess(
  (value) => (typeof value === "string" ? value.split(/[\s,]+/).filter(Boolean) : value),
  z.array(ZBranchCode).max(100).transform((codes) => [...new Set(codes)]),
);

/** The codes as the admin forms show them. */
export const branchListText = (codes: readonly string[]) => codes.join(", ");
