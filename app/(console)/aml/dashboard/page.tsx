import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StackedBarChart, type TChartSeries } from "@/components/aml/stacked-bar-chart";
import { DASHBOARD_DAYS, getAmlDashboard } from "@/lib/aml/dashboard";
import { AML_STATES } from "@/lib/aml/view";
import { requirePagePermission } from "@/lib/auth/guard";
import { prisma } from "@/lib/db/client";
import { AMLYZE_RISK_LEVELS } from "@/lib/integrations/amlyze/schemas";

const STATE_COLOR = {
  pending: "fill-sky-300",
  accepted: "fill-zinc-400",
  hit: "fill-red-600",
  completed: "fill-green-600",
  rejected: "fill-rose-900",
  failed: "fill-amber-500",
} as const;
const RISK_COLOR = {
  NONE: "fill-emerald-300",
  LOW: "fill-green-600",
  MEDIUM: "fill-amber-500",
  HIGH: "fill-orange-700",
  EXTREME: "fill-red-800",
  unknown: "fill-zinc-300",
} as const;

export default async function AmlDashboardPage() {
  await requirePagePermission("aml:read");
  const [dashboard, t] = await Promise.all([getAmlDashboard(prisma), getTranslations("aml")]);
  const riskKeys = [...AMLYZE_RISK_LEVELS, "unknown"] as const;
  const stateSeries: TChartSeries[] = AML_STATES.map((state) => ({ key: state, label: t(`state.${state}`), className: STATE_COLOR[state] }));
  const riskSeries: TChartSeries[] = riskKeys.map((risk) => ({ key: risk, label: risk === "unknown" ? t("dashboard.unscored") : t(`risk.${risk}`), className: RISK_COLOR[risk] }));
  const chartText = { tableLabel: t("dashboard.showTable"), dayLabel: t("dashboard.day"), totalLabel: t("dashboard.total") };

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("dashboard.title")}</h1>
      <section aria-labelledby="aml-now" className="grid gap-4 md:grid-cols-2">
        <h2 id="aml-now" className="sr-only">{t("dashboard.now")}</h2>
        <div className="rounded-lg border border-border bg-white p-4">
          <h3 className="mb-2 font-medium">{t("dashboard.byState")}</h3>
          <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-3" data-testid="aml-counts-state">
            {AML_STATES.map((state) => (
              <div key={state}>
                <dt className="text-xs text-muted-foreground">{t(`state.${state}`)}</dt>
                <dd className="text-xl font-semibold">
                  <Link href={`/aml?state=${state}`} className="hover:underline">{dashboard.byState[state]}</Link>
                </dd>
              </div>
            ))}
          </dl>
        </div>
        <div className="rounded-lg border border-border bg-white p-4">
          <h3 className="mb-2 font-medium">{t("dashboard.byRisk")}</h3>
          <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-3" data-testid="aml-counts-risk">
            {riskKeys.map((risk) => (
              <div key={risk}>
                <dt className="text-xs text-muted-foreground">{risk === "unknown" ? t("dashboard.unscored") : t(`risk.${risk}`)}</dt>
                <dd className="text-xl font-semibold">
                  {risk === "unknown" ? dashboard.byRisk[risk] : <Link href={`/aml?risk=${risk}`} className="hover:underline">{dashboard.byRisk[risk]}</Link>}
                </dd>
              </div>
            ))}
          </dl>
        </div>
      </section>
      <section className="rounded-lg border border-border bg-white p-4">
        <StackedBarChart
          title={t("dashboard.submissionsTitle", { days: DASHBOARD_DAYS })}
          description={t("dashboard.submissionsDescription", { days: DASHBOARD_DAYS })}
          days={dashboard.submissions.days}
          counts={dashboard.submissions.counts}
          series={stateSeries}
          {...chartText}
        />
      </section>
      <section className="rounded-lg border border-border bg-white p-4">
        <StackedBarChart
          title={t("dashboard.scoringsTitle", { days: DASHBOARD_DAYS })}
          description={t("dashboard.scoringsDescription", { days: DASHBOARD_DAYS })}
          days={dashboard.scorings.days}
          counts={dashboard.scorings.counts}
          series={riskSeries}
          {...chartText}
        />
      </section>
    </div>
  );
}
