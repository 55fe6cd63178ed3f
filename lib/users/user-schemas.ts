// Schemas of the user administration and of a user's own password, shared by the forms and the
// server actions (no server imports here).
import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { ZBranchList } from "@/lib/desk/branch-code";

/** A password a person chooses: long rather than complicated (NIST SP 800-63B). */
export const ZNewPassword = z.string().min(12, { error: "at least 12 characters" }).max(200, { error: "at most 200 characters" });

/** Lower-case letters, digits, dot, dash and underscore: what people type at the login form. */
export const ZUsername = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, { error: "3–64 lower-case letters, digits, '.', '-' or '_'" });

/** A temporary password the admin types, or empty to have one generated (and shown once). */
const ZTemporaryPassword = z.union([z.literal(""), ZNewPassword]);

export const ZCreateUser = z.object({
  username: ZUsername,
  displayName: z.string().trim().min(1, { error: "required" }).max(120),
  role: z.enum(ROLES),
  temporaryPassword: ZTemporaryPassword,
});
export type TCreateUser = z.infer<typeof ZCreateUser>;

export const ZUserId = z.object({ userId: z.uuid() });

export const ZChangeRole = ZUserId.extend({ role: z.enum(ROLES) });
export const ZSetDisabled = ZUserId.extend({ disabled: z.boolean() });
/** The branches whose enrollments the user works, and whether they lead those branches' desk. */
export const ZSetDesk = ZUserId.extend({ branches: ZBranchList, deskLead: z.boolean() });
export type TSetDesk = z.infer<typeof ZSetDesk>;
export const ZResetPassword = ZUserId.extend({ temporaryPassword: ZTemporaryPassword });
export type TResetPassword = z.infer<typeof ZResetPassword>;

export const ZChangeOwnPassword = z
  .object({
    currentPassword: z.string().min(1, { error: "required" }).max(200),
    newPassword: ZNewPassword,
    confirmPassword: z.string().max(200),
  })
  // The messages are keys the form translates (account.password.errors.*).
  .refine((value) => value.newPassword === value.confirmPassword, { error: "mismatch", path: ["confirmPassword"] })
  .refine((value) => value.newPassword !== value.currentPassword, { error: "same", path: ["newPassword"] });
export type TChangeOwnPassword = z.infer<typeof ZChangeOwnPassword>;

/** Outcomes a user-administration form shows (expected refusals are results, not errors). */
export type TUserAdminResult =
  | { kind: "done"; temporaryPassword?: string }
  | { kind: "username_taken" }
  | { kind: "last_admin" }
  | { kind: "not_found" };
