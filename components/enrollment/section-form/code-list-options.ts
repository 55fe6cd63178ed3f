// ISO country and currency options with their names, built on the server once per locale and
// handed to the forms as data (see CodeListsProvider).
import * as countries from "i18n-iso-countries";
import enCountries from "i18n-iso-countries/langs/en.json";
import esCountries from "i18n-iso-countries/langs/es.json";
import { data as currencyData } from "currency-codes";
import type { TCodeLists, TFormLocale, TOption } from "./code-lists";

// The package ships no names by default: register the two languages we speak.
countries.registerLocale(enCountries);
countries.registerLocale(esCountries);

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
 * ISO 4217 codes sorted by code, named in `locale` by the runtime's own data (CLDR, through
 * Intl.DisplayNames): "USD — dólar estadounidense". A code the runtime cannot name (a few new or
 * special ones) is shown alone rather than in another language.
 */
export function currencyOptions(locale: TFormLocale): readonly TOption[] {
  const cached = currencyCache.get(locale);
  if (cached) return cached;
  const names = new Intl.DisplayNames([locale], { type: "currency", fallback: "none" });
  const options = [...currencyData]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((record) => {
      const name = names.of(record.code);
      return { value: record.code, label: name ? `${record.code} — ${name}` : record.code };
    });
  currencyCache.set(locale, options);
  return options;
}

/** Both lists for one locale, ready to pass to CodeListsProvider. */
export function codeListsFor(locale: TFormLocale): TCodeLists {
  return { countries: countryOptions(locale), currencies: currencyOptions(locale) };
}
