// What the queue and AML search forms post to get a search token (lib/search/search-token.ts).
import { z } from "zod";

export const ZSealSearchInput = z.object({ q: z.string().trim().min(1).max(100) });
export type TSealSearchInput = z.infer<typeof ZSealSearchInput>;
