"use client";

import { useTranslations } from "next-intl";

/** The parts of a page whose code loads on demand, each named while it loads. */
export type TLoadingPart = "pushForm" | "pipeline" | "pushDialog" | "reconcile" | "identityDecision";

/**
 * What a lazily loaded part shows until its code arrives: the shape of what is coming and, in
 * words, what it is (never an empty box). Announced once to screen readers.
 */
export function Skeleton({ part, lines = 3 }: { part: TLoadingPart; lines?: number }) {
  const t = useTranslations("app.loading");
  return (
    <div role="status" aria-busy="true" className="space-y-2 py-1" data-testid="skeleton" data-part={part}>
      <p className="text-xs text-muted-foreground">{t(part)}</p>
      {Array.from({ length: lines }, (_, index) => (
        <div key={index} aria-hidden="true" className="h-4 animate-pulse rounded bg-muted motion-reduce:animate-none" style={{ width: `${92 - index * 17}%` }} />
      ))}
    </div>
  );
}
