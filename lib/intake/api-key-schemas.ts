import { z } from "zod";

/** Shared by the "new key" form and its server action. */
export const ZIntakeKeyName = z.object({ name: z.string().trim().min(1).max(120) });
export const ZIntakeKeyId = z.object({ id: z.uuid() });
