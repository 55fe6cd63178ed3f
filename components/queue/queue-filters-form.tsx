"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input, NativeSelect } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
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
      <div className="space-y-1 md:col-span-2">
        <Label htmlFor="q">{t("queue.search")}</Label>
        <Input id="q" name="q" type="search" defaultValue={filters.q ?? ""} placeholder={t("queue.searchPlaceholder")} />
      </div>
      <div className="space-y-1">
        <Label htmlFor="status">{t("queue.status")}</Label>
        <NativeSelect id="status" name="status" defaultValue={filters.status ?? ""}>
          <option value="">{t("queue.anyStatus")}</option>
          {ENROLLMENT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="space-y-1">
        <Label htmlFor="branch">{t("queue.branch")}</Label>
        <NativeSelect id="branch" name="branch" defaultValue={filters.branch ?? ""}>
          <option value="">{t("queue.anyBranch")}</option>
          {branches.map((branch) => (
            <option key={branch.code} value={branch.code}>
              {branch.code} {branch.name ? `· ${branch.name}` : ""}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="space-y-1">
        <Label htmlFor="from">{t("queue.from")}</Label>
        <Input id="from" name="from" type="date" defaultValue={filters.from ?? ""} />
      </div>
      <div className="space-y-1">
        <Label htmlFor="to">{t("queue.to")}</Label>
        <Input id="to" name="to" type="date" defaultValue={filters.to ?? ""} />
      </div>
      <div className="space-y-1">
        <Label htmlFor="sort">{t("queue.sort")}</Label>
        <NativeSelect id="sort" name="sort" defaultValue={filters.sort}>
          {QUEUE_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`queue.sorts.${sort}`)}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="flex items-end gap-2 md:col-span-5">
        <Button type="submit">{t("queue.apply")}</Button>
        <Button type="reset" variant="secondary" onClick={() => onChange({ sort: "received_desc" })}>
          {t("queue.clear")}
        </Button>
      </div>
    </form>
  );
}
