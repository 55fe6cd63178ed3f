"use server";

import { authedAction } from "@/lib/actions/safe-action";
import { sealSearch } from "@/lib/search/search-token";
import { ZSealSearchInput } from "@/lib/search/search-schemas";

/** The search text, posted in the body, back as a token the queue and AML pages keep in their URL. */
export const sealSearchAction = authedAction
  .metadata({ name: "sealSearchAction", permission: "queue:read" })
  .inputSchema(ZSealSearchInput)
  .action(async ({ parsedInput, ctx }) => ({ token: sealSearch(parsedInput.q, ctx.user.id) }));
