// Tests read stored reasons as people do: rendered with the console's own messages.
import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import { formatReason, type TReasonTranslator } from "@/lib/reasons/format";
import type { TReason } from "@/lib/reasons/reason";

// A missing message or a bad argument fails the test instead of rendering the key.
const onError = (error: Error) => {
  throw error;
};
const translators = {
  en: createTranslator({ locale: "en", messages: en, namespace: "reasons", onError }) as unknown as TReasonTranslator,
  es: createTranslator({ locale: "es", messages: es, namespace: "reasons", onError }) as unknown as TReasonTranslator,
};

/** A reason as the English (or Spanish) UI shows it; null stays null. */
export function reasonText(reason: TReason | null, locale: "en" | "es" = "en"): string | null {
  return reason === null ? null : formatReason(translators[locale], reason);
}

/** An outcome or result with its `reason` rendered in English, to compare with what the UI says. */
export function readable<T extends object>(value: T): T | (Omit<T, "reason"> & { reason: string | null }) {
  if (!("reason" in value)) return value;
  return { ...value, reason: reasonText((value as { reason: TReason | null }).reason) };
}
