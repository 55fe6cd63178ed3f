"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useEffect } from "react";
import { SECTIONS } from "@/lib/enrollment/field-table";
import { PRESENCE_INTERVAL_MS, type TPresence } from "@/lib/enrollment/presence-input";
import { toFormLocale } from "./section-form/code-lists";
import { useUnsavedSections } from "./unsaved-changes";

const presenceUrl = (enrollmentId: string) => `/api/enrollments/${enrollmentId}/presence`;

async function sayPresent(enrollmentId: string, editing: string[]): Promise<TPresence[]> {
  const response = await fetch(presenceUrl(enrollmentId), { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ editing, at: Date.now() }), cache: "no-store" });
  if (!response.ok) throw new Error(`presence ${response.status}`);
  return ((await response.json()) as { others: TPresence[] }).others;
}

/**
 * Who else has this enrollment open, said before any conflict: "Olga Officer is editing Contact",
 * "Carla Compliance is reading it". The page tells the server which sections hold this reader's
 * unsaved input every few seconds, and at once when that changes.
 */
export function PresenceLine({ enrollmentId }: { enrollmentId: string }) {
  const t = useTranslations("enrollment.presence");
  const locale = toFormLocale(useLocale());
  const editing = [...useUnsavedSections(enrollmentId)].sort();
  const { data: others = [] } = useQuery({
    queryKey: ["presence", enrollmentId, editing],
    queryFn: () => sayPresent(enrollmentId, editing),
    refetchInterval: PRESENCE_INTERVAL_MS,
    refetchIntervalInBackground: true,
    placeholderData: (previous) => previous,
    retry: false,
  });
  // closing the page: forget this reader now, not when the window lapses
  useEffect(() => {
    const leave = () => {
      const body = JSON.stringify({ editing: [], leaving: true, at: Date.now() });
      // A beacon is what a closing page is sure to send; fetch with keepalive where it is refused.
      if (navigator.sendBeacon?.(presenceUrl(enrollmentId), new Blob([body], { type: "application/json" }))) return;
      void fetch(presenceUrl(enrollmentId), { method: "POST", headers: { "Content-Type": "application/json" }, body, keepalive: true }).catch(() => undefined);
    };
    window.addEventListener("pagehide", leave);
    return () => {
      window.removeEventListener("pagehide", leave);
      leave();
    };
  }, [enrollmentId]);

  const label = (key: string) => SECTIONS.find((spec) => spec.key === key)?.label[locale] ?? key;
  return (
    <div role="status" aria-live="polite" data-testid="presence" className={others.length > 0 ? "rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950" : "sr-only"}>
      {others.map((other) => (
        <p key={other.name}>{other.editing.length > 0 ? t("editing", { name: other.name, sections: other.editing.map(label).join(", ") }) : t("reading", { name: other.name })}</p>
      ))}
    </div>
  );
}
