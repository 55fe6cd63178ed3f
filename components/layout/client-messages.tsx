import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";

/** The top-level namespaces of messages/en.json. */
type TNamespace = keyof Awaited<ReturnType<typeof getMessages>> & string;

/**
 * Hands the browser only the message namespaces the client components below need. Without it
 * every page would carry all the console's messages (35 kB, twice: in the HTML and in the RSC
 * payload). The namespaces replace, not extend, those of an outer provider, so each list names
 * everything its subtree's client components read.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly TNamespace[]; children: ReactNode }) {
  const messages = await getMessages();
  const picked = Object.fromEntries(namespaces.map((namespace) => [namespace, messages[namespace]]));
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
