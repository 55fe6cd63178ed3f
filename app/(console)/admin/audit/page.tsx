import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { DayRangeFields } from "@/components/ui/filter-fields";
import { Label } from "@/components/ui/label";
import { auditFiltersToSearch, parseAuditFilters, type TAuditFilterName } from "@/lib/audit/audit-filters";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { requirePagePermission } from "@/lib/auth/guard";
import { prisma } from "@/lib/db/client";

const FIELDS: Array<{ name: Exclude<TAuditFilterName, "before" | "from" | "to">; labelKey: string; hintKey?: string }> = [
  { name: "actor", labelKey: "actorFilter" },
  { name: "action", labelKey: "actionFilter", hintKey: "actionHint" },
  { name: "targetType", labelKey: "targetType" },
  { name: "targetId", labelKey: "targetId" },
];
const LABEL_KEYS: Record<TAuditFilterName, string> = { actor: "actorFilter", action: "actionFilter", targetType: "targetType", targetId: "targetId", from: "from", to: "to", before: "older" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePagePermission("audit:read");
  const params = await searchParams;
  const { filters, invalid, range } = parseAuditFilters(params);
  // the days as typed, so a refused range is shown to be corrected
  const typed = (name: "from" | "to") => [params[name]].flat()[0];
  const [{ rows, nextBefore }, t, format] = await Promise.all([listAuditEvents(prisma, filters), getTranslations("admin.audit"), getFormatter()]);
  const { before, ...withoutCursor } = filters;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {/* A plain GET form: the filters live in the URL and work without JavaScript. */}
      <form method="get" action="/admin/audit" aria-label={t("filters")} className="grid gap-3 rounded-lg border border-border bg-white p-4 sm:grid-cols-3 lg:grid-cols-6">
        {FIELDS.map((field) => (
          <div key={field.name} className="space-y-1">
            <Label htmlFor={`audit-${field.name}`}>{t(field.labelKey)}</Label>
            <Input
              id={`audit-${field.name}`}
              name={field.name}
              type="text"
              defaultValue={filters[field.name] ?? ""}
              placeholder={field.hintKey ? t(field.hintKey) : undefined}
              aria-invalid={invalid.includes(field.name)}
            />
          </div>
        ))}
        <DayRangeFields ids={{ from: "audit-from", to: "audit-to" }} labels={{ from: t("from"), to: t("to") }} values={{ from: typed("from"), to: typed("to") }} problem={range} />
        <div className="flex gap-2 sm:col-span-3 lg:col-span-6">
          <Button type="submit">{t("apply")}</Button>
          <Button asChild variant="secondary">
            <Link href="/admin/audit">{t("clear")}</Link>
          </Button>
        </div>
      </form>
      {invalid.length > 0 && (
        <p role="alert" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          {t("invalid", { fields: invalid.map((name) => t(LABEL_KEYS[name])).join(", ") })}
        </p>
      )}
      <DataTable
        caption={t("title")}
        columns={[t("at"), t("actor"), t("action"), t("target"), t("details"), t("ip")]}
        empty={t("empty")}
        isEmpty={rows.length === 0}
      >
        {rows.map((event) => (
          <tr key={event.id} className="border-t border-border align-top" data-testid="audit-row">
            <td className="whitespace-nowrap px-3 py-2">
              <time dateTime={event.at.toISOString()}>{format.dateTime(event.at, "precise")}</time>
            </td>
            <td className="px-3 py-2">
              {event.actorName === event.actorLabel ? (
                // no person behind it (an API key, a worker): its label is a code
                <span className="font-mono text-xs">{event.actorLabel}</span>
              ) : (
                <>
                  <span translate="no">{event.actorName}</span>
                  <span className="block font-mono text-xs text-muted-foreground">{event.actorLabel}</span>
                </>
              )}
            </td>
            <td className="px-3 py-2 font-mono">{event.action}</td>
            <td className="px-3 py-2 font-mono text-xs">{event.targetType ? `${event.targetType}:${event.targetId ?? ""}` : ""}</td>
            <td className="px-3 py-2">
              <pre className="max-w-md whitespace-pre-wrap break-words font-mono text-xs">{JSON.stringify(event.details, null, 2)}</pre>
            </td>
            <td className="px-3 py-2 font-mono text-xs">{event.ip ?? ""}</td>
          </tr>
        ))}
      </DataTable>
      <nav className="flex gap-2" aria-label={t("pages")}>
        {before && (
          <Button asChild variant="secondary">
            <Link href={`/admin/audit${auditFiltersToSearch(withoutCursor)}`}>{t("newest")}</Link>
          </Button>
        )}
        {nextBefore && (
          <Button asChild variant="secondary">
            <Link href={`/admin/audit${auditFiltersToSearch({ ...withoutCursor, before: nextBefore })}`}>{t("older")}</Link>
          </Button>
        )}
      </nav>
    </div>
  );
}
