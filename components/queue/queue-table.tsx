"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { StatusBadge } from "@/components/enrollment/status-badge";
import { QueueFiltersForm } from "@/components/queue/queue-filters-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import type { TQueuePage } from "@/lib/queue/list-enrollments";
import { queueKeys } from "@/lib/queue/query-keys";
import { queueFiltersToSearch, type TQueueFilters } from "@/lib/queue/queue-filters";

const POLL_MS = 5_000;

async function fetchQueue(filters: TQueueFilters): Promise<TQueuePage> {
  const response = await fetch(`/api/queue${queueFiltersToSearch(filters)}`, { cache: "no-store" });
  if (!response.ok) throw new Error(`Queue request failed (${response.status})`);
  return response.json();
}

type TProps = { filters: TQueueFilters; initialPage: TQueuePage; branches: Array<{ code: string; name: string | null }> };

export function QueueTable({ filters, initialPage, branches }: TProps) {
  const t = useTranslations();
  const format = useFormatter();
  const now = useNow({ updateInterval: 30_000 });
  const router = useRouter();
  const pathname = usePathname();
  // New arrivals appear without a reload: the first page polls; later pages stay still.
  const query = useQuery({
    queryKey: queueKeys.page(filters),
    queryFn: () => fetchQueue(filters),
    initialData: initialPage,
    placeholderData: keepPreviousData,
    refetchInterval: filters.cursor ? false : POLL_MS,
  });
  const navigate = (next: Partial<TQueueFilters>) => router.push(`${pathname}${queueFiltersToSearch(next)}`);
  const page = query.data;

  return (
    <div className="space-y-4">
      <QueueFiltersForm filters={filters} branches={branches} onChange={navigate} />
      {query.isError && (
        <div role="alert" className="flex items-center gap-3 rounded-md bg-red-50 p-3 text-sm text-danger">
          {t("queue.error")}
          <Button variant="secondary" onClick={() => query.refetch()}>
            {t("queue.retry")}
          </Button>
        </div>
      )}
      <DataTable
        caption={t("queue.title")}
        columns={[t("queue.name"), t("queue.wisenrollCode"), t("queue.mainDocument"), t("queue.branch"), t("queue.receivedAt"), t("queue.status"), { label: t("queue.issues"), align: "right" }]}
        empty={t("queue.empty")}
        isEmpty={page.rows.length === 0}
        busy={query.isFetching}
      >
        {page.rows.map((row) => (
          <tr key={row.id} className="border-t border-border hover:bg-zinc-50" data-testid="queue-row">
            <td className="px-3 py-2 font-medium">
              <Link href={`/enrollments/${row.id}`} className="text-brand hover:underline">
                {row.fullName || "—"}
              </Link>
            </td>
            <td className="px-3 py-2 font-mono">{row.wisenrollCode ?? "—"}</td>
            <td className="px-3 py-2 font-mono">
              {row.mainDocType ? `${row.mainDocType} ` : ""}
              {row.mainDocMasked}
              {row.mainDocCountry ? ` (${row.mainDocCountry})` : ""}
            </td>
            <td className="px-3 py-2">{row.branchName ?? row.branchCode ?? "—"}</td>
            <td className="px-3 py-2" title={format.dateTime(new Date(row.receivedAt), { dateStyle: "medium", timeStyle: "short" })}>
              <time dateTime={row.receivedAt}>{format.relativeTime(new Date(row.receivedAt), now)}</time>
            </td>
            <td className="px-3 py-2">
              <StatusBadge status={row.status} />
            </td>
            <td className="px-3 py-2 text-right">
              <Badge tone={row.issueCount > 0 ? "warning" : "success"}>{row.issueCount}</Badge>
            </td>
          </tr>
        ))}
      </DataTable>
      <div className="flex items-center gap-2">
        {filters.cursor && (
          <Button variant="secondary" onClick={() => navigate({ ...filters, cursor: undefined })}>
            {t("queue.first")}
          </Button>
        )}
        {page.nextCursor && (
          <Button variant="secondary" onClick={() => navigate({ ...filters, cursor: page.nextCursor ?? undefined })}>
            {t("queue.next")}
          </Button>
        )}
        <span className="ml-auto text-xs text-muted-foreground" aria-live="polite">
          {query.isFetching ? t("queue.loading") : t("queue.updated", { time: format.dateTime(new Date(query.dataUpdatedAt), { timeStyle: "medium" }) })}
        </span>
      </div>
    </div>
  );
}
