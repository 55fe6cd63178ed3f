import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AmlFiltersForm } from "@/components/aml/aml-filters-form";
import { AmlQueueTable } from "@/components/aml/aml-queue-table";
import { Button } from "@/components/ui/button";
import { amlFiltersToSearch, parseAmlFilters } from "@/lib/aml/aml-filters";
import { listAmlCustomers } from "@/lib/aml/list-aml-customers";
import { requirePagePermission } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { prisma } from "@/lib/db/client";
import { scopeOf } from "@/lib/desk/scope";
import { listBranches } from "@/lib/queue/list-enrollments";
import { withSearch } from "@/lib/search/with-search";

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AmlQueuePage({ searchParams }: TProps) {
  const user = await requirePagePermission("aml:read");
  const filters = withSearch(parseAmlFilters(await searchParams), user.id);
  const [page, branches, t] = await Promise.all([listAmlCustomers(prisma, filters), listBranches(prisma, scopeOf(user)), getTranslations("aml")]);
  const { cursor: _cursor, ...withoutCursor } = filters;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        {can(user.role, "aml:export") && (
          <Button asChild variant="secondary" className="ml-auto">
            <a href={`/api/aml/export${amlFiltersToSearch(withoutCursor)}`} download>
              {t("export")}
            </a>
          </Button>
        )}
      </div>
      <p className="text-sm text-muted-foreground">{t("intro")}</p>
      <AmlFiltersForm filters={filters} branches={branches} />
      <AmlQueueTable rows={page.rows} />
      <nav aria-label={t("pagination")} className="flex items-center gap-2">
        {filters.cursor && (
          <Button asChild variant="secondary">
            <Link href={`/aml${amlFiltersToSearch(withoutCursor)}`}>{t("first")}</Link>
          </Button>
        )}
        {page.nextCursor && (
          <Button asChild variant="secondary">
            <Link href={`/aml${amlFiltersToSearch({ ...withoutCursor, cursor: page.nextCursor })}`}>{t("next")}</Link>
          </Button>
        )}
      </nav>
    </div>
  );
}
