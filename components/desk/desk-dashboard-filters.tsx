"use client";

import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { branchOption, DayRangeFields, FilterSelect } from "@/components/ui/filter-fields";
import { dayRangeProblem, type TDayRangeProblem } from "@/lib/dates/day-range";
import { deskDashboardSearch, type TDeskDashboardFilters } from "@/lib/desk/dashboard-filters";

/** The dashboard's window (received from / to) and branch; a choice applies as it is made. */
export function DeskDashboardFilters({ filters, branches }: { filters: TDeskDashboardFilters; branches: Array<{ code: string; name: string | null }> }) {
  const t = useTranslations("deskDashboard");
  const router = useRouter();
  const pathname = usePathname();
  const [problem, setProblem] = useState<TDayRangeProblem | null>(null);
  const apply = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const value = (key: string) => String(data.get(key) ?? "").trim() || undefined;
    const found = dayRangeProblem({ from: value("from"), to: value("to") });
    setProblem(found);
    if (found) return;
    router.push(`${pathname}${deskDashboardSearch({ from: value("from"), to: value("to"), branch: value("branch") })}`);
  };
  return (
    <form
      role="search"
      aria-label={t("filters")}
      className="grid grid-cols-1 items-end gap-3 rounded-lg border border-border bg-white p-4 md:grid-cols-4"
      onChange={(event) => {
        if (event.target instanceof HTMLSelectElement) apply(event.currentTarget);
      }}
      onSubmit={(event) => {
        event.preventDefault();
        apply(event.currentTarget);
      }}
    >
      <DayRangeFields ids={{ from: "from", to: "to" }} labels={{ from: t("from"), to: t("to") }} values={filters} problem={problem} />
      <FilterSelect id="branch" name="branch" label={t("branch")} value={filters.branch} anyLabel={t("anyBranch")} options={branches.map(branchOption)} />
      <div>
        <Button type="submit">{t("apply")}</Button>
      </div>
    </form>
  );
}
