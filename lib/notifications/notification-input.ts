import { z } from "zod";

/** Mark read: these notifications of the reader's, or all of them. */
export const ZMarkReadInput = z.union([z.object({ ids: z.array(z.uuid()).min(1).max(100) }), z.object({ all: z.literal(true) })]);
export type TMarkReadInput = z.infer<typeof ZMarkReadInput>;
