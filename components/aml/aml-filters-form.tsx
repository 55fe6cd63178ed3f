import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input, NativeSelect } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { AML_DECISION_FILTERS, AML_HIT_FILTERS, AML_SORTS, type TAmlFilters } from "@/lib/aml/aml-filters";
import { AML_STATES } from "@/lib/aml/view";
import { AMLYZE_RISK_LEVELS } from "@/lib/integrations/amlyze/schemas";

type TProps = { filters: TAmlFilters; branches: Array<{ code: string; name: string | null }> };

/** A plain GET form: the filters live in the URL, and the page works without JavaScript. */
export function AmlFiltersForm({ filters, branches }: TProps) {
  const t = useTranslations("aml");
  return (
    <form role="search" method="get" action="/aml" aria-label={t("filters.label")} className="grid grid-cols-1 gap-3 rounded-lg border border-border bg-white p-4 md:grid-cols-6">
      <div className="space-y-1 md:col-span-2">
        <Label htmlFor="aml-q">{t("filters.search")}</Label>
        <Input id="aml-q" name="q" type="search" defaultValue={filters.q ?? ""} placeholder={t("filters.searchPlaceholder")} />
      </div>
      <div className="space-y-1">
        <Label htmlFor="aml-state">{t("filters.state")}</Label>
        <NativeSelect id="aml-state" name="state" defaultValue={filters.state ?? ""}>
          <option value="">{t("filters.anyState")}</option>
          {AML_STATES.map((state) => (
            <option key={state} value={state}>{t(`state.${state}`)}</option>
          ))}
        </NativeSelect>
      </div>
      <div className="space-y-1">
        <Label htmlFor="aml-risk">{t("filters.risk")}</Label>
        <NativeSelect id="aml-risk" name="risk" defaultValue={filters.risk ?? ""}>
          <option value="">{t("filters.anyRisk")}</option>
          {AMLYZE_RISK_LEVELS.map((level) => (
            <option key={level} value={level}>{t(`risk.${level}`)}</option>
          ))}
        </NativeSelect>
      </div>
      <div className="space-y-1">
        <Label htmlFor="aml-hit">{t("filters.hit")}</Label>
        <NativeSelect id="aml-hit" name="hit" defaultValue={filters.hit ?? ""}>
          <option value="">{t("filters.anyHit")}</option>
          {AML_HIT_FILTERS.map((hit) => (
            <option key={hit} value={hit}>{t(`filters.hits.${hit}`)}</option>
          ))}
        </NativeSelect>
      </div>
      <div className="space-y-1">
        <Label htmlFor="aml-decision">{t("filters.decision")}</Label>
        <NativeSelect id="aml-decision" name="decision" defaultValue={filters.decision ?? ""}>
          <option value="">{t("filters.anyDecision")}</option>
          {AML_DECISION_FILTERS.map((decision) => (
            <option key={decision} value={decision}>{t(`filters.decisions.${decision}`)}</option>
          ))}
        </NativeSelect>
      </div>
      <div className="space-y-1">
        <Label htmlFor="aml-branch">{t("filters.branch")}</Label>
        <NativeSelect id="aml-branch" name="branch" defaultValue={filters.branch ?? ""}>
          <option value="">{t("filters.anyBranch")}</option>
          {branches.map((branch) => (
            <option key={branch.code} value={branch.code}>
              {branch.code} {branch.name ? `· ${branch.name}` : ""}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="space-y-1">
        <Label htmlFor="aml-from">{t("filters.from")}</Label>
        <Input id="aml-from" name="from" type="date" defaultValue={filters.from ?? ""} />
      </div>
      <div className="space-y-1">
        <Label htmlFor="aml-to">{t("filters.to")}</Label>
        <Input id="aml-to" name="to" type="date" defaultValue={filters.to ?? ""} />
      </div>
      <div className="space-y-1">
        <Label htmlFor="aml-sort">{t("filters.sort")}</Label>
        <NativeSelect id="aml-sort" name="sort" defaultValue={filters.sort}>
          {AML_SORTS.map((sort) => (
            <option key={sort} value={sort}>{t(`sorts.${sort}`)}</option>
          ))}
        </NativeSelect>
      </div>
      <div className="flex items-end gap-2 md:col-span-2">
        <Button type="submit">{t("filters.apply")}</Button>
        <Button asChild variant="secondary">
          <a href="/aml">{t("filters.clear")}</a>
        </Button>
      </div>
    </form>
  );
}
