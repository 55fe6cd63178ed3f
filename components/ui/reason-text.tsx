import { useTranslations } from "next-intl";
import { formatReason, type TReasonTranslator } from "@/lib/reasons/format";
import type { TReason } from "@/lib/reasons/reason";

/**
 * A stored reason in the reader's language ("reasons" messages), the core's and AMLYZE's words
 * verbatim. Works in server and client components; a client section must hand the browser the
 * "reasons" namespace (components/layout/client-messages.tsx).
 */
export function useReasonText(): (reason: TReason) => string {
  const t: TReasonTranslator = useTranslations("reasons");
  return (reason) => formatReason(t, reason);
}

/**
 * A reason carries the core's and AMLYZE's words verbatim (their messages, field names): marked
 * translate="no" so a browser's translation never rewrites what a system said. The console's own
 * words in it are in the reader's language already (lib/reasons/format.test.ts checks both).
 */
export function ReasonText({ reason }: { reason: TReason }) {
  return <span translate="no">{useReasonText()(reason)}</span>;
}
