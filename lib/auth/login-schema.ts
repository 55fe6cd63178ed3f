import { z } from "zod";

export const ZLogin = z.object({
  username: z.string().trim().min(1, { error: "required" }).max(64),
  password: z.string().min(1, { error: "required" }).max(200),
});
export type TLogin = z.infer<typeof ZLogin>;
