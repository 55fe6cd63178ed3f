import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { DataCells, DataTable, type TRowColumn } from "@/components/ui/data-table";
import { useReasonText } from "@/components/ui/reason-text";
import type { TAmlQueueRow } from "@/lib/aml/list-aml-customers";
import { branchLabel } from "@/lib/desk/branch-label";
import { AmlStateBadge, DecisionText, RiskBadge } from "./aml-badges";

const HIT_KEYS = [
  ["sanctions", "sanctions"],
  ["pep", "pep"],
  ["adverseMedia", "adverse_media"],
  ["internalList", "internal_list"],
] as const;

export function AmlHits({ hits, screened }: { hits: TAmlQueueRow["hits"]; screened: boolean }) {
  const t = useTranslations("aml");
  const found = HIT_KEYS.filter(([key]) => hits[key]);
  if (found.length === 0) return <span className="text-muted-foreground">{screened ? t("noHit") : "—"}</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {found.map(([key, list]) => (
        <Badge key={key} tone="danger">{t(`list.${list}`)}</Badge>
      ))}
    </span>
  );
}

export function AmlQueueTable({ rows }: { rows: TAmlQueueRow[] }) {
  const t = useTranslations("aml");
  const format = useFormatter();
  const reasonText = useReasonText();
  // One definition per column: the table's heading and cell, and a phone's card line.
  const columns: TRowColumn<TAmlQueueRow>[] = [
    {
      key: "customer",
      label: t("columns.customer"),
      card: "title",
      className: "font-medium",
      cell: (row) => (
        <Link href={`/aml/customers/${encodeURIComponent(row.customerExtId)}`} className="text-brand hover:underline">
          {row.fullName || t("unknownCustomer")}
        </Link>
      ),
    },
    { key: "customerNumber", label: t("columns.customerNumber"), className: "font-mono", cell: (row) => row.customerExtId },
    {
      key: "mainDocument",
      label: t("columns.mainDocument"),
      className: "font-mono",
      cell: (row) => `${row.mainDocType ? `${row.mainDocType} ` : ""}${row.mainDocMasked || "—"}${row.mainDocCountry ? ` (${row.mainDocCountry})` : ""}`,
    },
    { key: "branch", label: t("columns.branch"), cell: (row) => <span translate="no">{branchLabel({ code: row.branchCode, name: row.branchName }) ?? "—"}</span> },
    {
      key: "state",
      label: t("columns.state"),
      cell: (row) => (
        <span>
          <AmlStateBadge state={row.state} />
          {row.submissionMessage && (row.state === "rejected" || row.state === "failed") && (
            <span className="mt-1 block max-w-xs truncate text-xs text-muted-foreground" title={reasonText(row.submissionMessage)} translate="no">
              {reasonText(row.submissionMessage)}
            </span>
          )}
        </span>
      ),
    },
    { key: "hits", label: t("columns.hits"), cell: (row) => <AmlHits hits={row.hits} screened={row.eventCount > 0} /> },
    { key: "risk", label: t("columns.risk"), cell: (row) => <RiskBadge level={row.riskLevel} /> },
    { key: "decision", label: t("columns.decision"), cell: (row) => <DecisionText decision={row.decisionType} /> },
    {
      key: "activity",
      label: t("columns.activity"),
      className: "whitespace-nowrap",
      cell: (row) => <time dateTime={row.activityAt.toISOString()}>{format.dateTime(row.activityAt, "moment")}</time>,
    },
  ];
  return (
    <DataTable caption={t("title")} cards columns={columns} empty={t("empty")} isEmpty={rows.length === 0}>
      {rows.map((row) => (
        <tr key={row.customerExtId} className="border-t border-border hover:bg-zinc-50 focus-within:bg-zinc-50" data-testid="aml-row" data-shortcut-row>
          <DataCells columns={columns} row={row} />
        </tr>
      ))}
    </DataTable>
  );
}
