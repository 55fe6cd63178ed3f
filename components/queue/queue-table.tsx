"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { useState } from "react";
import type { TDeskOfficer } from "@/components/desk/assign-select";
import { StatusBadge } from "@/components/enrollment/status-badge";
import { useHydrated } from "@/components/push/use-hydrated";
import { QueueBulkBar } from "@/components/queue/queue-bulk-bar";
import { DueCell } from "@/components/queue/due-cell";
import { IdentityCell } from "@/components/queue/identity-cell";
import { QueueFiltersForm } from "@/components/queue/queue-filters-form";
import { SavedViews } from "@/components/queue/saved-views";
import type { TQueueView } from "@/lib/queue/queue-view-input";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataCells, DataTable, type TRowColumn } from "@/components/ui/data-table";
import { branchLabel } from "@/lib/desk/branch-label";
import type { TQueuePage, TQueueTotal } from "@/lib/queue/list-enrollments";
import { queueKeys } from "@/lib/queue/query-keys";
import { QUEUE_COUNT_LIMIT, QUEUE_PAGE_SIZE, queueFiltersToSearch, withoutPaging, type TQueueFilters } from "@/lib/queue/queue-filters";

const POLL_MS = 5_000;

type TQueueRow = TQueuePage["rows"][number];

/** A page of the queue (`/api/queue`) or its count (`/api/queue/count`) for the filters. */
async function fetchQueue<T>(path: "/api/queue" | "/api/queue/count", filters: Partial<TQueueFilters>): Promise<T> {
  const response = await fetch(`${path}${queueFiltersToSearch(filters)}`, { cache: "no-store" });
  if (!response.ok) throw new Error(`${path} failed (${response.status})`);
  return response.json();
}

type TProps = {
  filters: TQueueFilters;
  initialPage: TQueuePage;
  /** When the server read `initialPage` (ms since epoch). */
  readAt: number;
  branches: Array<{ code: string; name: string | null }>;
  /** Officers of the reader's branches: the owner filter's and a lead's choices. */
  officers: TDeskOfficer[];
  /** The reader, when they may own enrollments (row checkboxes, claim, release); null otherwise. */
  desk: { userId: string; lead: boolean } | null;
  /** The reader's saved views. */
  views: readonly TQueueView[];
};

export function QueueTable({ filters, initialPage, readAt, branches, officers, desk, views }: TProps) {
  const t = useTranslations();
  const format = useFormatter();
  const now = useNow({ updateInterval: 30_000 });
  const router = useRouter();
  const pathname = usePathname();
  // New arrivals appear without a reload: the first page polls (its count too); later pages stay still.
  const poll = filters.cursor || filters.before ? false : POLL_MS;
  const query = useQuery({
    queryKey: queueKeys.page(filters),
    queryFn: () => fetchQueue<TQueuePage>("/api/queue", filters),
    initialData: initialPage,
    // the server's read time, so the "updated" line hydrates as it was rendered
    initialDataUpdatedAt: readAt,
    placeholderData: keepPreviousData,
    refetchInterval: poll,
  });
  // The count arrives on its own (the rows never wait for it), once for every page of the same filters.
  const counted = withoutPaging(filters);
  const total = useQuery({
    queryKey: queueKeys.count(counted),
    queryFn: () => fetchQueue<TQueueTotal>("/api/queue/count", counted),
    refetchInterval: poll,
  }).data;
  const navigate = (next: Partial<TQueueFilters>) => router.push(`${pathname}${queueFiltersToSearch(next)}`);
  const page = query.data;
  // The position the walk brought us to; a page with nothing before it is the first, whatever the URL says.
  const pageNumber = page.prevCursor ? Math.max(filters.page ?? 2, 2) : 1;
  // The first render is the server's: whether the browser refetches at once depends on its clock
  // (staleTime), so "loading" is shown only once hydrated (React error #418 otherwise).
  const fetching = useHydrated() && query.isFetching;
  const [selected, setSelected] = useState<string[]>([]);
  const toggle = (id: string, on: boolean) => setSelected((current) => (on ? [...current, id] : current.filter((other) => other !== id)));
  const visible = page.rows.map((row) => row.id);
  const allTicked = visible.length > 0 && visible.every((id) => selected.includes(id));
  // One definition per column: the table's heading and cell, and a phone's card line.
  const columns: TRowColumn<TQueueRow>[] = [
    {
      key: "name",
      label: t("queue.name"),
      card: "title",
      className: "font-medium",
      cell: (row) => (
        <Link href={`/enrollments/${row.id}`} className="text-brand hover:underline">
          {row.fullName || "—"}
        </Link>
      ),
    },
    { key: "wisenrollCode", label: t("queue.wisenrollCode"), className: "font-mono", cell: (row) => row.wisenrollCode ?? "—" },
    {
      key: "mainDocument",
      label: t("queue.mainDocument"),
      className: "font-mono",
      cell: (row) => `${row.mainDocType ? `${row.mainDocType} ` : ""}${row.mainDocMasked}${row.mainDocCountry ? ` (${row.mainDocCountry})` : ""}`,
    },
    { key: "branch", label: t("queue.branch"), cell: (row) => <span translate="no">{branchLabel({ code: row.branchCode, name: row.branchName }) ?? "—"}</span> },
    {
      key: "owner",
      label: t("queue.owner"),
      testId: "queue-owner",
      cell: (row) =>
        row.owner ? (desk && row.owner.id === desk.userId ? t("desk.me") : <span translate="no">{row.owner.name}</span>) : <span className="text-muted-foreground">{t("desk.unassigned")}</span>,
    },
    {
      key: "receivedAt",
      label: t("queue.receivedAt"),
      cell: (row) => (
        <time dateTime={row.receivedAt} title={format.dateTime(new Date(row.receivedAt), "moment")}>
          {format.relativeTime(new Date(row.receivedAt), now)}
        </time>
      ),
    },
    { key: "due", label: t("queue.sla.due"), cell: (row) => <DueCell sla={row.sla} /> },
    { key: "status", label: t("queue.status"), cell: (row) => <StatusBadge status={row.status} /> },
    // off only for bench:identity's baseline (QUEUE_IDENTITY_COLUMN=off)
    ...(page.identityColumn
      ? [
          {
            key: "identity",
            label: t("identity.column"),
            testId: "queue-identity",
            cell: (row: TQueueRow) => (row.identity ? <IdentityCell identity={row.identity} t={t} format={format} /> : <span aria-hidden="true">—</span>),
          },
        ]
      : []),
    { key: "issues", label: t("queue.issues"), align: "right", cell: (row) => <Badge tone={row.issueCount > 0 ? "warning" : "success"}>{row.issueCount}</Badge> },
  ];

  return (
    <div className="space-y-4">
      <SavedViews views={views} filters={filters} onOpen={navigate} />
      <QueueFiltersForm filters={filters} branches={branches} officers={officers} ownsEnrollments={desk !== null} onChange={navigate} />
      {desk && <QueueBulkBar selected={selected} lead={desk.lead} officers={officers} onDone={() => setSelected([])} />}
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
        cards
        columns={[
          ...(desk
            ? [
                {
                  label: (
                    <label className="flex items-center gap-2">
                      <input type="checkbox" checked={allTicked} onChange={(event) => setSelected(event.target.checked ? visible : [])} />
                      {/* the column has no heading on a wide screen; a phone's cards show it over the first card */}
                      <span className="normal-case md:sr-only">{t("desk.selectAll")}</span>
                    </label>
                  ),
                  cardKeep: true,
                },
              ]
            : []),
          ...columns,
        ]}
        empty={t("queue.empty")}
        isEmpty={page.rows.length === 0}
        busy={fetching}
      >
        {page.rows.map((row) => (
          <tr key={row.id} className="border-t border-border hover:bg-zinc-50 focus-within:bg-zinc-50" data-testid="queue-row" data-shortcut-row>
            {desk && (
              <td className="px-3 py-2" data-card="title">
                <input
                  type="checkbox"
                  aria-label={t("desk.selectRow", { name: row.fullName || row.wisenrollCode || row.id })}
                  checked={selected.includes(row.id)}
                  onChange={(event) => toggle(row.id, event.target.checked)}
                />
              </td>
            )}
            <DataCells columns={columns} row={row} />
          </tr>
        ))}
      </DataTable>
      <nav aria-label={t("queue.paging")} className="flex flex-wrap items-center gap-2">
        {page.prevCursor && (
          <>
            <Button variant="secondary" onClick={() => navigate(withoutPaging(filters))}>
              {t("queue.first")}
            </Button>
            <Button variant="secondary" onClick={() => navigate({ ...withoutPaging(filters), before: page.prevCursor ?? undefined, page: pageNumber > 2 ? pageNumber - 1 : undefined })}>
              {t("queue.previous")}
            </Button>
          </>
        )}
        {page.nextCursor && (
          <Button variant="secondary" onClick={() => navigate({ ...withoutPaging(filters), cursor: page.nextCursor ?? undefined, page: pageNumber + 1 })}>
            {t("queue.next")}
          </Button>
        )}
        {page.rows.length > 0 && (
          <span className="text-sm text-muted-foreground" data-testid="queue-position">
            {t(total === undefined ? "queue.positionCounting" : total.more ? "queue.positionMore" : "queue.position", {
              page: pageNumber,
              first: (pageNumber - 1) * QUEUE_PAGE_SIZE + 1,
              last: (pageNumber - 1) * QUEUE_PAGE_SIZE + page.rows.length,
              total: total === undefined ? 0 : total.more ? QUEUE_COUNT_LIMIT : total.count,
            })}
          </span>
        )}
        <span className="ml-auto text-xs text-muted-foreground" aria-live="polite">
          {fetching ? t("queue.loading") : t("queue.updated", { time: format.dateTime(new Date(query.dataUpdatedAt), "time") })}
        </span>
      </nav>
    </div>
  );
}
