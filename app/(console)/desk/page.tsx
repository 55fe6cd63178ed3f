import { getTranslations } from "next-intl/server";
import { BarChart } from "@/components/desk/bar-chart";
import { DeskDashboardFilters } from "@/components/desk/desk-dashboard-filters";
import { requireDeskManagerPage } from "@/lib/auth/guard";
import { prisma } from "@/lib/db/client";
import { BACKLOG_BUCKETS, getDeskDashboard, slaHitRate, type TBranchFigures } from "@/lib/desk/dashboard";
import { deskDashboardSearch, parseDeskDashboardFilters } from "@/lib/desk/dashboard-filters";
import { formatMinutes } from "@/lib/desk/format-minutes";
import { scopeOf } from "@/lib/desk/scope";
import { listBranches } from "@/lib/queue/list-enrollments";

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const PUSH_TIME_SERIES = [
  { key: "p50", className: "fill-sky-600" },
  { key: "p95", className: "fill-indigo-900" },
] as const;

/** How the desk is doing: for admins every branch, for a lead their branches. */
export default async function DeskDashboardPage({ searchParams }: TProps) {
  const user = await requireDeskManagerPage();
  const scope = scopeOf(user);
  const filters = parseDeskDashboardFilters(await searchParams);
  const [dashboard, branches, t] = await Promise.all([getDeskDashboard(prisma, scope, filters), listBranches(prisma, scope), getTranslations("deskDashboard")]);
  const slaText = (row: TBranchFigures) => {
    const rate = slaHitRate(row);
    return rate === null ? "—" : t("slaHitValue", { rate, met: row.slaMet, stopped: row.slaStopped });
  };
  const branchLabel = (row: TBranchFigures) => (row.branch ? (row.branchName ? `${row.branch} · ${row.branchName}` : row.branch) : t("noBranch"));
  const figures = [
    ["received", dashboard.total.received],
    ["pushed", dashboard.total.pushed],
    ["p50", formatMinutes(dashboard.total.p50)],
    ["p95", formatMinutes(dashboard.total.p95)],
    ["slaHit", slaText(dashboard.total)],
    ["overdue", dashboard.total.overdue],
    ["failed", dashboard.total.failed],
    ["reconcile", dashboard.total.reconcile],
  ] as const;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <a className="text-sm text-brand underline" href={`/api/desk/export${deskDashboardSearch(filters)}`} download>
          {t("export")}
        </a>
      </div>
      <DeskDashboardFilters filters={filters} branches={branches} />
      <p className="text-sm text-muted-foreground">{t("window", { from: filters.from, to: filters.to })}</p>

      <section aria-labelledby="desk-totals" className="rounded-lg border border-border bg-white p-4">
        <h2 id="desk-totals" className="mb-2 font-medium">{t("totals")}</h2>
        <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4 lg:grid-cols-8" data-testid="desk-totals">
          {figures.map(([key, value]) => (
            <div key={key}>
              <dt className="text-xs text-muted-foreground">{t(`figures.${key}`)}</dt>
              <dd className="text-xl font-semibold">{value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section className="grid gap-4 lg:grid-cols-2">
        <div className="rounded-lg border border-border bg-white p-4">
          <BarChart
            title={t("pushTimeTitle")}
            description={t("pushTimeDescription")}
            series={PUSH_TIME_SERIES.map((s) => ({ ...s, label: t(`figures.${s.key}`) }))}
            groups={dashboard.byBranch.map((row) => ({ label: branchLabel(row), values: { p50: row.p50, p95: row.p95 } }))}
            format={formatMinutes}
          />
        </div>
        <div className="rounded-lg border border-border bg-white p-4">
          <BarChart
            title={t("backlogTitle")}
            description={t("backlogDescription")}
            series={[{ key: "count", label: t("backlogCount"), className: "fill-amber-600" }]}
            groups={BACKLOG_BUCKETS.map((bucket) => ({ label: t(`backlog.${bucket}`), values: { count: dashboard.backlog[bucket] } }))}
            format={(value) => String(value)}
          />
          <table className="mt-3 w-full text-sm" data-testid="desk-backlog">
            <caption className="sr-only">{t("backlogTitle")}</caption>
            <tbody>
              {BACKLOG_BUCKETS.map((bucket) => (
                <tr key={bucket} className="border-t border-border">
                  <th scope="row" className="py-1 text-left font-normal">{t(`backlog.${bucket}`)}</th>
                  <td className="py-1 text-right">{dashboard.backlog[bucket]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="desk-branches" className="overflow-x-auto rounded-lg border border-border bg-white p-4">
        <h2 id="desk-branches" className="mb-2 font-medium">{t("byBranch")}</h2>
        <table className="w-full text-sm" data-testid="desk-by-branch">
          <thead>
            <tr className="text-left">
              <th scope="col" className="py-1 pr-3">{t("branch")}</th>
              {(["received", "pushed", "p50", "p95", "slaHit", "overdue", "failed", "reconcile"] as const).map((key) => (
                <th key={key} scope="col" className="py-1 pr-3 text-right">{t(`figures.${key}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {dashboard.byBranch.length === 0 && (
              <tr>
                <td colSpan={9} className="py-2 text-muted-foreground">{t("empty")}</td>
              </tr>
            )}
            {dashboard.byBranch.map((row) => (
              <tr key={row.branch ?? "none"} className="border-t border-border">
                <th scope="row" className="py-1 pr-3 text-left font-normal" translate="no">{branchLabel(row)}</th>
                <td className="py-1 pr-3 text-right">{row.received}</td>
                <td className="py-1 pr-3 text-right">{row.pushed}</td>
                <td className="py-1 pr-3 text-right">{formatMinutes(row.p50)}</td>
                <td className="py-1 pr-3 text-right">{formatMinutes(row.p95)}</td>
                <td className="py-1 pr-3 text-right">{slaText(row)}</td>
                <td className="py-1 pr-3 text-right">{row.overdue}</td>
                <td className="py-1 pr-3 text-right">{row.failed}</td>
                <td className="py-1 pr-3 text-right">{row.reconcile}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="desk-officers" className="overflow-x-auto rounded-lg border border-border bg-white p-4">
        <h2 id="desk-officers" className="mb-2 font-medium">{t("byOfficer")}</h2>
        <table className="w-full text-sm" data-testid="desk-by-officer">
          <thead>
            <tr className="text-left">
              <th scope="col" className="py-1 pr-3">{t("officer")}</th>
              {(["pushed", "p50", "p95"] as const).map((key) => (
                <th key={key} scope="col" className="py-1 pr-3 text-right">{t(`figures.${key}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {dashboard.byOfficer.length === 0 && (
              <tr>
                <td colSpan={4} className="py-2 text-muted-foreground">{t("empty")}</td>
              </tr>
            )}
            {dashboard.byOfficer.map((row) => (
              <tr key={row.officerId} className="border-t border-border">
                <th scope="row" className="py-1 pr-3 text-left font-normal" translate="no">{row.name}</th>
                <td className="py-1 pr-3 text-right">{row.pushed}</td>
                <td className="py-1 pr-3 text-right">{formatMinutes(row.p50)}</td>
                <td className="py-1 pr-3 text-right">{formatMinutes(row.p95)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
