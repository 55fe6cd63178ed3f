import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { ReasonText } from "@/components/ui/reason-text";
import type { TAmlSubmissionSummary } from "@/lib/aml/get-aml-customer";
import { SCREENING_LISTS, type TAmlResults } from "@/lib/aml/view";
import { DecisionText, RiskBadge, SubmissionStatusBadge } from "./aml-badges";

type TMatch = { listName?: unknown; matchedName?: unknown; score?: unknown };

const yesNo = (value: boolean | null | undefined, t: (key: "yes" | "no") => string) => (value === null || value === undefined ? "—" : value ? t("yes") : t("no"));

export function SubmissionList({ submissions }: { submissions: TAmlSubmissionSummary[] }) {
  const t = useTranslations("aml.submissions");
  const format = useFormatter();
  if (submissions.length === 0) return <p className="text-sm text-muted-foreground">{t("none")}</p>;
  return (
    <ul className="space-y-3" data-testid="aml-submissions">
      {submissions.map((s) => (
        <li key={s.id} className="rounded-md border border-border p-3 text-sm">
          <p className="flex flex-wrap items-center gap-2">
            <SubmissionStatusBadge status={s.status} />
            <span className="font-mono text-xs">{s.communicationNumber}</span>
            <span className="text-muted-foreground">{t("meta", { pushSeq: s.pushSeq, attempts: s.attempts, time: format.dateTime(s.createdAt, "moment") })}</span>
          </p>
          {s.errors.length > 0 ? (
            <ul className="mt-2 list-disc pl-5" aria-label={t("reasons")}>
              {s.errors.map((error, index) => (
                <li key={index}>
                  {error.code && <span className="mr-1 font-mono text-xs">{error.code}</span>}
                  {error.message}
                </li>
              ))}
            </ul>
          ) : (
            s.message && (
              <p className="mt-2 whitespace-pre-line">
                <ReasonText reason={s.message} />
              </p>
            )
          )}
          {s.status === "queued" && s.nextAttemptAt && (
            <p className="mt-1 text-xs text-muted-foreground">{t("nextAttempt", { time: format.dateTime(s.nextAttemptAt, "time") })}</p>
          )}
        </li>
      ))}
    </ul>
  );
}

export function AmlResults({ results }: { results: TAmlResults }) {
  const t = useTranslations("aml");
  const kyc = results.kyc;
  const profile = results.profile;
  return (
    <div className="space-y-4">
      <table className="w-full text-left text-sm" data-testid="aml-screening">
        <caption className="mb-2 text-left font-medium">{t("results.screening")}</caption>
        <thead className="bg-muted text-xs uppercase text-muted-foreground">
          <tr>
            <th scope="col" className="px-3 py-2">{t("results.list")}</th>
            <th scope="col" className="px-3 py-2">{t("results.status")}</th>
            <th scope="col" className="px-3 py-2">{t("results.match")}</th>
            <th scope="col" className="px-3 py-2">{t("results.matches")}</th>
          </tr>
        </thead>
        <tbody>
          {SCREENING_LISTS.map((list) => {
            const result = results.screening[list];
            return (
              <tr key={list} className="border-t border-border" data-list={list}>
                <th scope="row" className="px-3 py-2 font-medium">{t(`list.${list}`)}</th>
                <td className="px-3 py-2">{result ? t(`results.states.${result.state === "completed" ? "completed" : "pending"}`) : t("results.states.none")}</td>
                <td className="px-3 py-2">
                  {result?.match === true ? <Badge tone="danger">{t("results.hit")}</Badge> : result?.state === "completed" ? t("results.noMatch") : "—"}
                </td>
                <td className="px-3 py-2">
                  {(result?.matches ?? []).map((m, index) => {
                    const match = m as TMatch;
                    return (
                      <span key={index} className="block">
                        {String(match.matchedName ?? "")} <span className="font-mono text-xs">{String(match.listName ?? "")}</span>{" "}
                        {typeof match.score === "number" ? <span className="text-xs text-muted-foreground">{match.score.toFixed(2)}</span> : null}
                      </span>
                    );
                  })}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-3" data-testid="aml-kyc">
        <div>
          <dt className="text-xs font-medium uppercase text-muted-foreground">{t("results.kycState")}</dt>
          <dd>{kyc ? t(`results.kycStates.${kyc.state}`) : t("results.states.none")}</dd>
        </div>
        <div>
          <dt className="text-xs font-medium uppercase text-muted-foreground">{t("results.initialRisk")}</dt>
          <dd><RiskBadge level={kyc?.initialRiskLevel ?? null} /></dd>
        </div>
        <div>
          <dt className="text-xs font-medium uppercase text-muted-foreground">{t("results.finalRisk")}</dt>
          <dd><RiskBadge level={kyc?.state === "completed" ? kyc.finalRiskLevel : null} /></dd>
        </div>
        <div className="sm:col-span-3">
          <dt className="text-xs font-medium uppercase text-muted-foreground">{t("results.decision")}</dt>
          <dd><DecisionText decision={kyc?.state === "completed" ? kyc.decisionType : null} ground={kyc?.state === "completed" ? kyc.decisionGroundCode : null} /></dd>
        </div>
      </dl>
      {profile && (
        <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-6" data-testid="aml-profile">
          <div>
            <dt className="text-xs font-medium uppercase text-muted-foreground">{t("results.profileStatus")}</dt>
            <dd className="font-mono text-xs">{profile.status ?? "—"}</dd>
          </div>
          <div>
            <dt className="text-xs font-medium uppercase text-muted-foreground">{t("results.profileRisk")}</dt>
            <dd><RiskBadge level={profile.riskLevel} /></dd>
          </div>
          {(["sanctioned", "pep", "inAdverseMedia", "inInternalList"] as const).map((flag) => (
            <div key={flag}>
              <dt className="text-xs font-medium uppercase text-muted-foreground">{t(`results.flags.${flag}`)}</dt>
              <dd>{yesNo(profile[flag], (key) => t(`results.${key}`))}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
