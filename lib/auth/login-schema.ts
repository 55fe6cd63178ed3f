import { z } from "zod";

export const ZLogin = z.object({
  username: z.string().trim().min(1, { error: "required" }).max(64),
  password: z.string().min(1, { error: "required" }).max(200),
  /** The authenticator code (or a recovery code), asked for only once the password was right. */
  code: z.string().trim().max(20).optional(),
});
export type TLogin = z.infer<typeof ZLogin>;

/** The error next-auth hands the login form when the password was right and a code is needed. */
export const CODE_REQUIRED_ERROR = "code_required";
