"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { branchOption, FilterInput, FilterSelect } from "@/components/ui/filter-fields";
import { ENROLLMENT_STATUSES, QUEUE_SORTS, type TQueueFilters } from "@/lib/queue/queue-filters";

type TProps = {
  filters: TQueueFilters;
  branches: Array<{ code: string; name: string | null }>;
  onChange: (filters: Partial<TQueueFilters>) => void;
};

export function QueueFiltersForm({ filters, branches, onChange }: TProps) {
  const t = useTranslations();
  return (
    <form
      role="search"
      method="get"
      aria-label={t("queue.filters")}
      className="grid grid-cols-1 gap-3 rounded-lg border border-border bg-white p-4 md:grid-cols-6"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const value = (key: string) => String(data.get(key) ?? "") || undefined;
        onChange({ q: value("q"), status: value("status") as TQueueFilters["status"], branch: value("branch"), from: value("from"), to: value("to"), sort: (value("sort") ?? "received_desc") as TQueueFilters["sort"] });
      }}
    >
      <FilterInput id="q" name="q" type="search" label={t("queue.search")} value={filters.q} placeholder={t("queue.searchPlaceholder")} className="md:col-span-2" />
      <FilterSelect id="status" name="status" label={t("queue.status")} value={filters.status} anyLabel={t("queue.anyStatus")} options={ENROLLMENT_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))} />
      <FilterSelect id="branch" name="branch" label={t("queue.branch")} value={filters.branch} anyLabel={t("queue.anyBranch")} options={branches.map(branchOption)} />
      <FilterInput id="from" name="from" type="date" label={t("queue.from")} value={filters.from} />
      <FilterInput id="to" name="to" type="date" label={t("queue.to")} value={filters.to} />
      <FilterSelect id="sort" name="sort" label={t("queue.sort")} value={filters.sort} options={QUEUE_SORTS.map((sort) => ({ value: sort, label: t(`queue.sorts.${sort}`) }))} />
      <div className="flex items-end gap-2 md:col-span-5">
        <Button type="submit">{t("queue.apply")}</Button>
        <Button type="reset" variant="secondary" onClick={() => onChange({ sort: "received_desc" })}>
          {t("queue.clear")}
        </Button>
      </div>
    </form>
  );
}
