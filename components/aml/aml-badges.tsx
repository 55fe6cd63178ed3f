import { useTranslations } from "next-intl";
import { Badge, type TBadgeTone } from "@/components/ui/badge";
import type { TAmlState, TAmlSubmissionStatus } from "@/lib/aml/view";

const STATE_TONE: Record<TAmlState, TBadgeTone> = { pending: "info", accepted: "neutral", hit: "danger", completed: "success", rejected: "danger", failed: "warning" };
const SUBMISSION_TONE: Record<TAmlSubmissionStatus, TBadgeTone> = { queued: "info", sending: "info", accepted: "success", rejected: "danger", failed: "warning" };
const RISK_TONE: Record<string, TBadgeTone> = { NONE: "success", LOW: "success", MEDIUM: "warning", HIGH: "danger", EXTREME: "danger" };

export function AmlStateBadge({ state }: { state: TAmlState }) {
  const t = useTranslations("aml.state");
  return <Badge tone={STATE_TONE[state]} data-aml-state={state}>{t(state)}</Badge>;
}

export function SubmissionStatusBadge({ status }: { status: TAmlSubmissionStatus }) {
  const t = useTranslations("aml.submissionStatus");
  return <Badge tone={SUBMISSION_TONE[status]}>{t(status)}</Badge>;
}

/** A risk level AMLYZE sent; an unknown one is shown as sent. */
export function RiskBadge({ level }: { level: string | null }) {
  const t = useTranslations("aml");
  if (!level) return <span className="text-muted-foreground">—</span>;
  const known = level in RISK_TONE;
  return <Badge tone={RISK_TONE[level] ?? "neutral"}>{known ? t(`risk.${level as "LOW"}`) : level}</Badge>;
}

export function DecisionText({ decision, ground }: { decision: string | null; ground?: string | null }) {
  const t = useTranslations("aml");
  if (!decision) return <span className="text-muted-foreground">—</span>;
  const label = decision === "ACCEPTED" || decision === "REJECTED" ? t(`decision.${decision}`) : decision;
  return (
    <span className={decision === "REJECTED" ? "font-medium text-danger" : undefined}>
      {label}
      {ground ? <span className="ml-1 font-mono text-xs text-muted-foreground">{ground}</span> : null}
    </span>
  );
}
