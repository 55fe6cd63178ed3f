"use client";

import { useFormatter, useTranslations } from "next-intl";
import { ReasonText } from "@/components/ui/reason-text";
import type { TPipelineAttempt } from "@/lib/push/get-pipeline";
import { callNumber, readableBody } from "@/lib/push/pipeline-steps";
import { OutcomeBadge } from "./push-badges";

function Body({ label, raw }: { label: string; raw: string | null }) {
  const t = useTranslations("pipeline");
  if (raw === null || raw === "") {
    return (
      <div>
        <p className="font-medium">{label}</p>
        <p className="text-muted-foreground">{t("noResponse")}</p>
      </div>
    );
  }
  const body = readableBody(raw);
  return (
    <div>
      <p className="font-medium">
        {label} {!body.json && <span className="font-normal text-muted-foreground">{t("raw")}</span>}
      </p>
      {/* wrapped, not scrolled: a scrolling box would need its own focus stop to be read by keyboard */}
      <pre className="mt-1 whitespace-pre-wrap break-all rounded-md bg-zinc-100 p-2 font-mono text-xs text-zinc-900">{body.text}</pre>
    </div>
  );
}

/** Every attempt of one step, newest first, each expandable to its exact request and response. */
export function AttemptList({ attempts }: { attempts: readonly TPipelineAttempt[] }) {
  const t = useTranslations("pipeline");
  const format = useFormatter();
  if (attempts.length === 0) return <p className="text-sm text-muted-foreground">{t("attempts", { count: 0 })}</p>;
  return (
    <div className="space-y-1">
      <p className="text-sm text-muted-foreground">{t("attempts", { count: attempts.length })}</p>
      <ul className="space-y-1">
        {attempts.map((attempt) => {
          const call = callNumber(attempt);
          const time = format.dateTime(new Date(attempt.startedAt), "precise");
          return (
            <li key={attempt.id}>
              <details className="rounded-md border border-border text-sm" data-testid="attempt">
                <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2">
                  <span className="font-medium">
                    {t("attemptSummary", { n: attempt.attempt })}
                    {call !== null && <span className="font-normal text-muted-foreground"> ({attempt.step === "core_product" ? t("ofSend", { n: call }) : t("ofPush", { n: call })})</span>}
                  </span>
                  <OutcomeBadge outcome={attempt.outcome} />
                  <span>{attempt.httpStatus !== null ? t("httpStatus", { status: attempt.httpStatus }) : t("noHttpStatus")}</span>
                  {attempt.durationMs !== null && <span>{t("duration", { ms: format.number(attempt.durationMs) })}</span>}
                  <time dateTime={attempt.startedAt} className="text-muted-foreground">
                    {time}
                  </time>
                </summary>
                <div className="space-y-3 border-t border-border px-3 py-2">
                  <p className="break-all">
                    <span className="font-medium">{t("url")}:</span> <span className="font-mono">{attempt.url}</span>
                  </p>
                  {attempt.error && (
                    <p className="whitespace-pre-line">
                      <span className="font-medium">{t("error")}:</span> <ReasonText reason={attempt.error} />
                    </p>
                  )}
                  <Body label={t("requestBody")} raw={attempt.requestBody} />
                  <Body label={t("responseBody")} raw={attempt.responseBody} />
                </div>
              </details>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
