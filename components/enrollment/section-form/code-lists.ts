// Options of the closed code lists (ISO countries and currencies) and of enums and known
// values, in the user's language. Computed once per locale.
import * as countries from "i18n-iso-countries";
import enCountries from "i18n-iso-countries/langs/en.json";
import esCountries from "i18n-iso-countries/langs/es.json";
import { data as currencyData } from "currency-codes";
import type { TFieldSpec } from "@/lib/enrollment/field-table";

export type TFormLocale = "en" | "es";
export type TOption = { value: string; label: string };

// The browser build of i18n-iso-countries ships no names: register the two we speak.
countries.registerLocale(enCountries);
countries.registerLocale(esCountries);

export const toFormLocale = (locale: string): TFormLocale => (locale === "es" ? "es" : "en");

const countryCache = new Map<TFormLocale, readonly TOption[]>();
const currencyCache = new Map<TFormLocale, readonly TOption[]>();

/** ISO 3166-1 alpha-2 codes, named in `locale` and sorted by name: "República Dominicana (DO)". */
export function countryOptions(locale: TFormLocale): readonly TOption[] {
  const cached = countryCache.get(locale);
  if (cached) return cached;
  const names = countries.getNames(locale, { select: "official" });
  const options = Object.keys(countries.getAlpha2Codes())
    .map((code) => ({ value: code, label: `${names[code] ?? code} (${code})` }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  countryCache.set(locale, options);
  return options;
}

/**
 * ISO 4217 codes sorted by code: "USD — US Dollar". The package only has English names; they
 * are used in both languages so server and browser render the same text.
 */
export function currencyOptions(locale: TFormLocale): readonly TOption[] {
  const cached = currencyCache.get(locale);
  if (cached) return cached;
  const options = [...currencyData]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((record) => ({ value: record.code, label: `${record.code} — ${record.currency}` }));
  currencyCache.set(locale, options);
  return options;
}

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
export function selectOptions(spec: TFieldSpec, locale: TFormLocale, flagLabels: { no: string; yes: string }): readonly TOption[] | null {
  switch (spec.type) {
    case "country":
      return countryOptions(locale);
    case "currency":
      return currencyOptions(locale);
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
