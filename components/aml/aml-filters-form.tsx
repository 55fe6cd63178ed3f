"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { searchTokenFor } from "@/components/search/search-token";
import { Button } from "@/components/ui/button";
import { Collapsible } from "@/components/ui/collapsible";
import { branchOption, DayRangeFields, FilterInput, FilterSelect } from "@/components/ui/filter-fields";
import { AML_DECISION_FILTERS, AML_HIT_FILTERS, AML_SORTS, amlFiltersToSearch, parseAmlFilters, type TAmlFilters } from "@/lib/aml/aml-filters";
import { AML_STATES } from "@/lib/aml/view";
import { dayRangeProblem, type TDayRangeProblem } from "@/lib/dates/day-range";
import { AMLYZE_RISK_LEVELS } from "@/lib/integrations/amlyze/schemas";

type TProps = { filters: TAmlFilters; branches: Array<{ code: string; name: string | null }> };

/**
 * A GET form: the filters live in the URL, and the page works without JavaScript. The search text
 * does not: it is posted for a token (components/search/search-token.ts), never put in the URL.
 */
export function AmlFiltersForm({ filters, branches }: TProps) {
  const t = useTranslations("aml");
  const router = useRouter();
  const [rangeProblem, setRangeProblem] = useState<TDayRangeProblem | null>(null);
  return (
    <Collapsible label={t("filters.label")}>
      <form
        role="search"
        method="get"
        action="/aml"
        onSubmit={async (event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const values = Object.fromEntries([...new FormData(form).entries()].map(([key, value]) => [key, String(value).trim()]));
          const problem = dayRangeProblem({ from: values.from || undefined, to: values.to || undefined });
          setRangeProblem(problem);
          if (problem) return form.querySelector<HTMLInputElement>(`#aml-${problem.field}`)?.focus();
          const qt = await searchTokenFor(form, "aml-q");
          router.push(`/aml${amlFiltersToSearch({ ...parseAmlFilters(values), qt })}`);
        }}
        aria-label={t("filters.label")} className="grid grid-cols-1 gap-3 rounded-lg border border-border bg-white p-4 md:grid-cols-6">
        <FilterInput id="aml-q" type="search" label={t("filters.search")} value={filters.q} placeholder={t("filters.searchPlaceholder")} className="md:col-span-2" data-shortcut="search" aria-keyshortcuts="/" />
        <FilterSelect id="aml-state" name="state" label={t("filters.state")} value={filters.state} anyLabel={t("filters.anyState")} options={AML_STATES.map((state) => ({ value: state, label: t(`state.${state}`) }))} />
        <FilterSelect id="aml-risk" name="risk" label={t("filters.risk")} value={filters.risk} anyLabel={t("filters.anyRisk")} options={AMLYZE_RISK_LEVELS.map((level) => ({ value: level, label: t(`risk.${level}`) }))} />
        <FilterSelect id="aml-hit" name="hit" label={t("filters.hit")} value={filters.hit} anyLabel={t("filters.anyHit")} options={AML_HIT_FILTERS.map((hit) => ({ value: hit, label: t(`filters.hits.${hit}`) }))} />
        <FilterSelect id="aml-decision" name="decision" label={t("filters.decision")} value={filters.decision} anyLabel={t("filters.anyDecision")} options={AML_DECISION_FILTERS.map((decision) => ({ value: decision, label: t(`filters.decisions.${decision}`) }))} />
        <FilterSelect id="aml-branch" name="branch" label={t("filters.branch")} value={filters.branch} anyLabel={t("filters.anyBranch")} options={branches.map(branchOption)} />
        <DayRangeFields ids={{ from: "aml-from", to: "aml-to" }} labels={{ from: t("filters.from"), to: t("filters.to") }} values={filters} problem={rangeProblem} />
        <FilterSelect id="aml-sort" name="sort" label={t("filters.sort")} value={filters.sort} options={AML_SORTS.map((sort) => ({ value: sort, label: t(`sorts.${sort}`) }))} />
        <div className="flex items-end gap-2 md:col-span-2">
          <Button type="submit">{t("filters.apply")}</Button>
          <Button asChild variant="secondary">
            <a href="/aml">{t("filters.clear")}</a>
          </Button>
        </div>
      </form>
    </Collapsible>
  );
}
