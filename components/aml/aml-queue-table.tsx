import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { useReasonText } from "@/components/ui/reason-text";
import type { TAmlQueueRow } from "@/lib/aml/list-aml-customers";
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
  return (
    <DataTable
      caption={t("title")}
      columns={(["customer", "customerNumber", "mainDocument", "branch", "state", "hits", "risk", "decision", "activity"] as const).map((column) => t(`columns.${column}`))}
      empty={t("empty")}
      isEmpty={rows.length === 0}
    >
      {rows.map((row) => (
        <tr key={row.customerExtId} className="border-t border-border hover:bg-zinc-50 focus-within:bg-zinc-50" data-testid="aml-row" data-shortcut-row>
          <td className="px-3 py-2 font-medium">
            <Link href={`/aml/customers/${encodeURIComponent(row.customerExtId)}`} className="text-brand hover:underline">
              {row.fullName || t("unknownCustomer")}
            </Link>
          </td>
          <td className="px-3 py-2 font-mono">{row.customerExtId}</td>
          <td className="px-3 py-2 font-mono">
            {row.mainDocType ? `${row.mainDocType} ` : ""}
            {row.mainDocMasked || "—"}
            {row.mainDocCountry ? ` (${row.mainDocCountry})` : ""}
          </td>
          <td className="px-3 py-2">{row.branchName ?? row.branchCode ?? "—"}</td>
          <td className="px-3 py-2">
            <AmlStateBadge state={row.state} />
            {row.submissionMessage && (row.state === "rejected" || row.state === "failed") && (
              <p className="mt-1 max-w-xs truncate text-xs text-muted-foreground" title={reasonText(row.submissionMessage)} translate="no">{reasonText(row.submissionMessage)}</p>
            )}
          </td>
          <td className="px-3 py-2">
            <AmlHits hits={row.hits} screened={row.eventCount > 0} />
          </td>
          <td className="px-3 py-2">
            <RiskBadge level={row.riskLevel} />
          </td>
          <td className="px-3 py-2">
            <DecisionText decision={row.decisionType} />
          </td>
          <td className="px-3 py-2 whitespace-nowrap">
            <time dateTime={row.activityAt.toISOString()}>{format.dateTime(row.activityAt, "moment")}</time>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
