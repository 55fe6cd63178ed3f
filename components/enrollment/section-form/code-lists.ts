// Options of enums, flags and known values, in the user's language. The ISO country and
// currency lists (names included) are built on the server (code-list-options.ts) and reach
// the forms through CodeListsProvider, so their names are not shipped as JavaScript.
import type { TFieldSpec } from "@/lib/enrollment/field-table";

export type TFormLocale = "en" | "es";
export type TOption = { value: string; label: string };

/** The country and currency options of the user's language, as the server built them. */
export type TCodeLists = { countries: readonly TOption[]; currencies: readonly TOption[] };

export const toFormLocale = (locale: string): TFormLocale => (locale === "es" ? "es" : "en");

/** An enum's values, labelled from the table's `valueLabels` when present: "Femenino (F)". */
export function enumOptions(spec: TFieldSpec, locale: TFormLocale): TOption[] {
  if (spec.type !== "enum") return [];
  return spec.values.map((value) => {
    const label = spec.valueLabels?.[value]?.[locale];
    return { value, label: label && label !== value ? `${label} (${value})` : value };
  });
}

/** Suggestions of an open coded field, for a <datalist>. */
export function suggestionOptions(spec: TFieldSpec, locale: TFormLocale): TOption[] {
  return (spec.knownValues ?? []).map((known) => ({ value: String(known.value), label: known.label?.[locale] ?? "" }));
}

/** The fixed options of a select-rendered field (without the empty one), or null for a free input. */
export function selectOptions(
  spec: TFieldSpec,
  locale: TFormLocale,
  flagLabels: { no: string; yes: string },
  codeLists: TCodeLists,
): readonly TOption[] | null {
  switch (spec.type) {
    case "country":
      return codeLists.countries;
    case "currency":
      return codeLists.currencies;
    case "enum":
      return enumOptions(spec, locale);
    case "flag":
      return [
        { value: "0", label: flagLabels.no },
        { value: "1", label: flagLabels.yes },
      ];
    default:
      return null;
  }
}
