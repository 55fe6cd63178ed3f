import { describe, expect, it } from "vitest";
import { getAlpha2Codes } from "i18n-iso-countries";
import { codes as currencyCodes } from "currency-codes";
import { findField } from "@/lib/enrollment/field-table";
import { enumOptions, selectOptions, suggestionOptions, toFormLocale } from "./code-lists";
import { codeListsFor, countryOptions, currencyOptions } from "./code-list-options";

const field = (section: Parameters<typeof findField>[0], path: string) => {
  const spec = findField(section, path);
  if (!spec) throw new Error(`no field ${section}.${path}`);
  return spec;
};

describe("countries", () => {
  it("names DO in the user's language", () => {
    expect(countryOptions("es").find((o) => o.value === "DO")?.label).toBe("República Dominicana (DO)");
    expect(countryOptions("en").find((o) => o.value === "DO")?.label).toBe("Dominican Republic (DO)");
  });

  it("offers exactly the alpha-2 codes the schema accepts, sorted by name", () => {
    const es = countryOptions("es");
    expect(es.map((o) => o.value).sort()).toEqual(Object.keys(getAlpha2Codes()).sort());
    const labels = es.map((o) => o.label);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, "es")));
  });

  it("is computed once per locale", () => {
    expect(countryOptions("en")).toBe(countryOptions("en"));
    expect(countryOptions("en")).not.toBe(countryOptions("es"));
  });
});

describe("currencies", () => {
  it("offers the ISO 4217 codes the schema accepts", () => {
    const options = currencyOptions("en");
    expect(options.map((o) => o.value).sort()).toEqual([...currencyCodes()].sort());
    expect(options.find((o) => o.value === "DOP")?.label).toBe("DOP — Dominican Peso");
    expect(currencyOptions("es")).toBe(currencyOptions("es"));
  });

  it("names them in the reader's language, as countries are", () => {
    expect(currencyOptions("es").find((o) => o.value === "USD")?.label).toBe("USD — dólar estadounidense");
    expect(currencyOptions("es").find((o) => o.value === "DOP")?.label).toBe("DOP — peso dominicano");
    expect(currencyOptions("es").map((o) => o.value)).toEqual(currencyOptions("en").map((o) => o.value));
  });
});

describe("field options", () => {
  it("labels enum values from valueLabels", () => {
    expect(enumOptions(field("client_info", "sex"), "es")).toContainEqual({ value: "F", label: "Femenino (F)" });
    expect(enumOptions(field("client_location", "housing_type"), "es")).toContainEqual({ value: "Propia", label: "Propia" });
    expect(enumOptions(field("client_location", "housing_type"), "en")).toContainEqual({ value: "Alquilada", label: "Rented (Alquilada)" });
  });

  it("renders closed lists as selects and open coded fields as suggestions", () => {
    const flags = { no: "No (0)", yes: "Yes (1)" };
    expect(selectOptions(field("client_documents", "main"), "en", flags, codeListsFor("en"))?.map((o) => o.value)).toEqual(["0", "1"]);
    expect(selectOptions(field("client_info", "nationality_code"), "en", flags, codeListsFor("en"))).toBe(countryOptions("en"));
    expect(selectOptions(field("client_job_info", "currency_code"), "en", flags, codeListsFor("en"))).toBe(currencyOptions("en"));
    expect(selectOptions(field("client_documents", "document_type_code"), "en", flags, codeListsFor("en"))).toBeNull();
    expect(suggestionOptions(field("client_documents", "document_type_code"), "en").map((o) => o.value)).toContain("IDEN");
    expect(suggestionOptions(field("client_info", "civil_status_id"), "es")).toContainEqual({ value: "2", label: "married — Casado(a)" });
  });

  it("speaks Spanish only for es", () => {
    expect(toFormLocale("es")).toBe("es");
    expect(toFormLocale("en")).toBe("en");
    expect(toFormLocale("fr")).toBe("en");
  });
});
