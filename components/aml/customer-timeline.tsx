import { useFormatter, useTranslations } from "next-intl";
import { ChangeList } from "@/components/enrollment/change-list";
import { Badge, type TBadgeTone } from "@/components/ui/badge";
import { ReasonText } from "@/components/ui/reason-text";
import type { TTimelineEntry } from "@/lib/aml/get-timeline";
import { SubmissionStatusBadge } from "./aml-badges";

const OUTCOME_TONE: Record<string, TBadgeTone> = { success: "success", rejected: "danger", unknown: "warning", not_sent: "neutral", pending: "info" };
const KNOWN_ACTIONS = new Set(["enrollment.push_requested", "enrollment.push_refused", "enrollment.push_settled", "product.reconciled", "pii.documents_revealed", "aml.timeline_printed"]);

function Body({ label, text, open }: { label: string; text: string | null; open: boolean }) {
  if (text === null || text === "") return null;
  return (
    <details open={open} className="mt-1">
      <summary className="cursor-pointer text-xs text-muted-foreground print:list-none">{label}</summary>
      {/* focusable so the keyboard can scroll it; a group, since a bare <pre> may not be named */}
      <pre tabIndex={0} role="group" aria-label={label} className="mt-1 max-h-80 overflow-auto whitespace-pre-wrap break-all rounded bg-zinc-50 p-2 font-mono text-xs print:max-h-none">{text}</pre>
    </details>
  );
}

function Entry({ entry, expanded, enrollmentPage }: { entry: TTimelineEntry; expanded: boolean; enrollmentPage?: string }) {
  const t = useTranslations("aml.timeline");
  const tSection = useTranslations("enrollment.section");
  switch (entry.kind) {
    case "received":
      return <p className="text-sm font-medium">{entry.actor ? t("receivedBy", { actor: entry.actor }) : t("received")}</p>;
    case "revision":
      return (
        <>
          <p className="text-sm font-medium">{t("revision", { who: entry.actor, section: tSection(entry.section as "client_info"), version: entry.version })}</p>
          <ChangeList changes={entry.changes} page={enrollmentPage} />
        </>
      );
    case "action":
      return (
        <p className="text-sm font-medium">
          {KNOWN_ACTIONS.has(entry.action) ? t(`actions.${entry.action.replace(".", "_") as "enrollment_push_requested"}`, { who: entry.actor }) : `${entry.actor}: ${entry.action}`}
          {entry.action === "enrollment.push_settled" && typeof entry.details === "object" && entry.details !== null && "status" in entry.details ? (
            <span className="ml-2 font-mono text-xs">{String((entry.details as { status: unknown }).status)}</span>
          ) : null}
        </p>
      );
    case "call":
      return (
        <>
          <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
            {t("call", { step: t(`steps.${entry.step}`), attempt: entry.attempt })}
            <Badge tone={OUTCOME_TONE[entry.outcome] ?? "neutral"}>{t(`outcomes.${entry.outcome as "success"}`)}</Badge>
            {entry.httpStatus !== null && <span className="font-mono text-xs">HTTP {entry.httpStatus}</span>}
            {entry.durationMs !== null && <span className="text-xs text-muted-foreground">{t("duration", { ms: entry.durationMs })}</span>}
          </p>
          {entry.error && (
            <p className="whitespace-pre-line text-sm text-danger">
              <ReasonText reason={entry.error} />
            </p>
          )}
          <p className="font-mono text-xs text-muted-foreground">POST {entry.url}</p>
          <Body label={t("request")} text={entry.requestBody} open={expanded} />
          <Body label={t("response")} text={entry.responseBody} open={expanded} />
        </>
      );
    case "submission":
      return (
        <>
          <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
            {t("submission", { pushSeq: entry.pushSeq })}
            <span className="font-mono text-xs">{entry.communicationNumber}</span>
            <SubmissionStatusBadge status={entry.status} />
          </p>
          {entry.message && (
            <p className="whitespace-pre-line text-sm">
              <ReasonText reason={entry.message} />
            </p>
          )}
        </>
      );
    case "event":
      return (
        <>
          <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
            {t("event")} <span className="font-mono text-xs">{entry.type}</span>
            {!entry.known && <Badge tone="warning">{t("unknownType")}</Badge>}
          </p>
          <Body label={t("eventData")} text={entry.data} open={expanded} />
        </>
      );
  }
}

/**
 * Everything that happened to one customer, oldest first. `expanded` opens every body (print);
 * `enrollmentPage` is where the fields its changes name are.
 */
export function CustomerTimeline({ entries, expanded = false, enrollmentPage }: { entries: TTimelineEntry[]; expanded?: boolean; enrollmentPage?: string }) {
  const t = useTranslations("aml.timeline");
  const format = useFormatter();
  if (entries.length === 0) return <p className="text-sm text-muted-foreground">{t("empty")}</p>;
  return (
    <ol className="space-y-4 border-l border-border pl-4" data-testid="aml-timeline">
      {entries.map((entry, index) => (
        <li key={index} className="break-inside-avoid" data-kind={entry.kind}>
          <time className="block text-xs text-muted-foreground" dateTime={entry.at.toISOString()}>
            {format.dateTime(entry.at, "precise")}
            {entry.kind === "event" && entry.receivedAt.getTime() !== entry.at.getTime()
              ? ` · ${t("receivedAt", { time: format.dateTime(entry.receivedAt, "time") })}`
              : ""}
          </time>
          <Entry entry={entry} expanded={expanded} enrollmentPage={enrollmentPage} />
        </li>
      ))}
    </ol>
  );
}
