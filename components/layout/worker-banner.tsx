"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { workerKeys } from "@/lib/jobs/query-keys";
import type { TWorkerLiveness } from "@/lib/jobs/worker-liveness";

// GET /api/health
async function fetchLiveness(): Promise<TWorkerLiveness> {
  const response = await fetch("/api/health", { cache: "no-store" });
  const body = (await response.json()) as { worker: TWorkerLiveness | null };
  // The database did not answer: keep what was last known rather than guess.
  if (!body.worker) throw new Error(`health check answered ${response.status}`);
  return body.worker;
}

/**
 * Says that no push worker is alive, so an officer knows why a push waits. Rendered by the
 * layout with the server's reading, then kept current by polling, so it appears and goes away
 * without a reload.
 */
export function WorkerBanner({ initial, readAt }: { initial: TWorkerLiveness; readAt: number }) {
  const t = useTranslations("worker");
  const format = useFormatter();
  const { data } = useQuery({
    queryKey: workerKeys.liveness(),
    queryFn: fetchLiveness,
    initialData: initial,
    initialDataUpdatedAt: readAt,
    // Often enough to notice within the threshold, never more than every 10 s.
    refetchInterval: Math.min(10_000, initial.staleSeconds * 500),
  });
  if (data.alive) return null;
  // "now" is the database's, carried in the answer: the server and the browser render the same words.
  const ago =
    data.lastBeatAt && data.secondsSinceBeat !== null
      ? format.relativeTime(new Date(data.lastBeatAt), new Date(Date.parse(data.lastBeatAt) + data.secondsSinceBeat * 1000))
      : null;
  return (
    <div role="status" className="border-b border-amber-300 bg-amber-50 text-sm text-amber-950" data-testid="worker-banner">
      <p className="mx-auto max-w-7xl px-4 py-2">
        <strong>{t("stale")}</strong> {ago ? t("lastBeat", { ago }) : t("noBeat")} {t("effect")}
      </p>
    </div>
  );
}
