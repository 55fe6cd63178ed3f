import { z } from "zod";

export const ZRevealDocumentsInput = z.object({ enrollmentId: z.uuid() });
export type TRevealDocumentsInput = z.infer<typeof ZRevealDocumentsInput>;

/** One identity document as revealed: the full number, once, to someone allowed to see it. */
export type TRevealedDocument = { index: number; type: string | null; number: string; country: string | null; main: boolean };
