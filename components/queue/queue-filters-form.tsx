"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Collapsible } from "@/components/ui/collapsible";
import { searchTokenFor } from "@/components/search/search-token";
import { branchOption, DayRangeFields, FilterInput, FilterSelect } from "@/components/ui/filter-fields";
import { dayRangeProblem, type TDayRangeProblem } from "@/lib/dates/day-range";
import { ENROLLMENT_STATUSES, QUEUE_DUES, QUEUE_OWNERS, QUEUE_SORTS, type TQueueFilters } from "@/lib/queue/queue-filters";

type TProps = {
  filters: TQueueFilters;
  branches: Array<{ code: string; name: string | null }>;
  officers: Array<{ id: string; name: string }>;
  /** The reader owns enrollments: "mine" and the desk order mean something to them. */
  ownsEnrollments: boolean;
  onChange: (filters: Partial<TQueueFilters>) => void;
};

export function QueueFiltersForm({ filters, branches, officers, ownsEnrollments, onChange }: TProps) {
  const owners = QUEUE_OWNERS.filter((owner) => ownsEnrollments || (owner !== "mine" && owner !== "desk"));
  const sorts = QUEUE_SORTS.filter((sort) => ownsEnrollments || sort !== "desk");
  const t = useTranslations();
  const [rangeProblem, setRangeProblem] = useState<TDayRangeProblem | null>(null);
  return (
    <Collapsible label={t("queue.filters")}>
      <form
        role="search"
        method="get"
        aria-label={t("queue.filters")}
        className="grid grid-cols-1 gap-3 rounded-lg border border-border bg-white p-4 md:grid-cols-6"
        // A choice applies as it is made; typed text and days on Enter or Apply (a range is typed in two steps).
        onChange={(event) => {
          if (event.target instanceof HTMLSelectElement) event.currentTarget.requestSubmit();
        }}
        onSubmit={async (event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const data = new FormData(form);
          const value = (key: string) => String(data.get(key) ?? "").trim() || undefined;
          // refused here, with the field named, rather than asked of the server and answered by an empty list
          const problem = dayRangeProblem({ from: value("from"), to: value("to") });
          setRangeProblem(problem);
          if (problem) return form.querySelector<HTMLInputElement>(`#${problem.field}`)?.focus();
          onChange({ qt: await searchTokenFor(form, "q"), status: value("status") as TQueueFilters["status"], branch: value("branch"), owner: value("owner") as TQueueFilters["owner"], due: value("due") as TQueueFilters["due"], from: value("from"), to: value("to"), sort: value("sort") as TQueueFilters["sort"] });
        }}
      >
        <FilterInput id="q" type="search" label={t("queue.search")} value={filters.q} placeholder={t("queue.searchPlaceholder")} className="md:col-span-2" data-shortcut="search" aria-keyshortcuts="/" />
        <FilterSelect id="status" name="status" label={t("queue.status")} value={filters.status} anyLabel={t("queue.anyStatus")} options={ENROLLMENT_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))} />
        <FilterSelect id="branch" name="branch" label={t("queue.branch")} value={filters.branch} anyLabel={t("queue.anyBranch")} options={branches.map(branchOption)} />
        <FilterSelect
          id="owner"
          name="owner"
          label={t("queue.ownerFilter")}
          value={filters.owner}
          options={[...owners.map((owner) => ({ value: owner, label: t(`queue.owners.${owner}`) })), ...officers.map((officer) => ({ value: officer.id, label: officer.name, data: true as const }))]}
        />
        <FilterSelect id="due" name="due" label={t("queue.sla.dueFilter")} value={filters.due} anyLabel={t("queue.sla.dues.any")} options={QUEUE_DUES.map((due) => ({ value: due, label: t(`queue.sla.dues.${due}`) }))} />
        <DayRangeFields ids={{ from: "from", to: "to" }} labels={{ from: t("queue.from"), to: t("queue.to") }} values={filters} problem={rangeProblem} />
        <FilterSelect id="sort" name="sort" label={t("queue.sort")} value={filters.sort} options={sorts.map((sort) => ({ value: sort, label: t(`queue.sorts.${sort}`) }))} />
        <div className="flex items-end gap-2 md:col-span-5">
          <Button type="submit">{t("queue.apply")}</Button>
          <Button
            type="reset"
            variant="secondary"
            onClick={() => {
              setRangeProblem(null);
              onChange({});
            }}
          >
            {t("queue.clear")}
          </Button>
        </div>
      </form>
    </Collapsible>
  );
}
