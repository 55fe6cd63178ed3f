import { describe, it, expect } from "vitest";
import { FIELD_TABLE, SECTION_KEYS, SECTIONS, fieldsOf, findField, type TSectionKey } from "./field-table";

const paths = (section: TSectionKey) => fieldsOf(section).map((f) => f.path);

describe("field table", () => {
  it("has every field of the seed table, per section", () => {
    const counts = Object.fromEntries(SECTION_KEYS.map((key) => [key, fieldsOf(key).length]));
    expect(counts).toEqual({
      client_info: 34, client_documents: 4, client_location: 15, client_contact: 6,
      client_job_info: 26, client_references: 58, client_transactionality: 8, client_entity_branch: 2,
    });
    expect(SECTIONS.map((s) => s.key)).toEqual([...SECTION_KEYS]);
  });

  it("has no duplicate paths (client_location.country_code appears once)", () => {
    const keys = FIELD_TABLE.map((f) => `${f.section}.${f.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(paths("client_location").filter((p) => p === "country_code")).toHaveLength(1);
  });

  it("every nested field has its parent object row", () => {
    for (const field of FIELD_TABLE) {
      const parent = field.path.split(".").slice(0, -1).join(".");
      if (parent) expect(findField(field.section, parent)?.type, `${field.section}.${field.path}`).toBe("object");
    }
  });

  it("marks as required exactly the seed's `*` rows (plus the personal reference names)", () => {
    const required = FIELD_TABLE.filter((f) => f.required).map((f) => `${f.section}.${f.path}`);
    expect(required).toEqual([
      "client_info.first_name", "client_info.last_name", "client_info.sex", "client_info.birth_date", "client_info.civil_status_id", "client_info.wisenroll_code",
      "client_documents.document_number", "client_documents.document_type_code", "client_documents.issuing_country_code", "client_documents.main",
      "client_location.city_description", "client_location.country_code", "client_location.country_description", "client_location.locality_code", "client_location.locality_description", "client_location.address",
      "client_contact.email", "client_contact.cell_phone",
      "client_job_info.salary", "client_job_info.annual_gross_salary", "client_job_info.net_income", "client_job_info.currency_code", "client_job_info.company_country_code", "client_job_info.company_country_description", "client_job_info.work_address", "client_job_info.entry_date", "client_job_info.professional_position", "client_job_info.occupation_code", "client_job_info.occupation_description",
      "client_references.first_personal_reference", "client_references.first_personal_reference.name", "client_references.second_personal_reference", "client_references.second_personal_reference.name",
      "client_transactionality.inc_transactionality", "client_transactionality.inc_transactionality_currency", "client_transactionality.inc_monthly_movements", "client_transactionality.out_transactionality", "client_transactionality.out_transactionality_currency", "client_transactionality.out_monthly_movements", "client_transactionality.funds_country_code", "client_transactionality.funds_country_description",
      "client_entity_branch.branch_code", "client_entity_branch.branch_name",
    ]);
  });

  it("types country fields by name: *country_code and nationality_code", () => {
    const byName = FIELD_TABLE.filter((f) => /(^|\.|_)(country_code|nationality_code)$/.test(f.path)).map((f) => `${f.section}.${f.path}`);
    const countries = FIELD_TABLE.filter((f) => f.type === "country").map((f) => `${f.section}.${f.path}`);
    expect(countries).toEqual(byName);
    expect(countries).toContain("client_info.spouse_info.issuing_country_code");
    expect(countries).toHaveLength(10);
  });

  it("applies the CONTRACTS.md decisions", () => {
    expect(findField("client_info", "sex")).toMatchObject({ type: "enum", maxLength: 2, values: ["M", "F", "NB", "NC", "O"] });
    expect(findField("client_references", "first_personal_reference.country")).toMatchObject({ type: "string", maxLength: 50 });
    expect(findField("client_references", "second_client_commercial_reference.country")).toMatchObject({ type: "string", maxLength: 50 });
    expect(findField("client_references", "second_bank_reference.account_type_description")).toMatchObject({ type: "string", maxLength: 50 });
    expect(FIELD_TABLE.some((f) => f.path.includes("acount_"))).toBe(false);
    expect(findField("client_info", "customer_number")).toMatchObject({ type: "integer", required: false });
    expect(findField("client_info", "risk_data.risk_level_unique_description")).toMatchObject({ type: "enum", values: ["low", "medium", "high"] });
    expect(findField("client_location", "housing_type")).toMatchObject({ type: "enum", values: ["Propia", "Alquilada"] });
    expect(findField("client_documents", "main")?.type).toBe("flag");
    expect(findField("client_references", "first_bank_reference.canceled")?.type).toBe("flag");
  });

  it("offers the known values of open coded fields", () => {
    expect(findField("client_documents", "document_type_code")?.knownValues?.map((k) => k.value)).toContain("PAAD");
    expect(findField("client_info", "civil_status_id")?.knownValues?.map((k) => k.value)).toEqual([1, 2]);
    expect(findField("client_info", "immigration_status.unique_name")?.knownValues?.map((k) => k.value)).toEqual(["work_permit", "holidays", "resident"]);
  });

  it("has an English and a Spanish label and description for every row", () => {
    for (const field of FIELD_TABLE) {
      for (const text of [field.label, field.description]) {
        expect(text.en.trim(), `${field.section}.${field.path}`).not.toBe("");
        expect(text.es.trim(), `${field.section}.${field.path}`).not.toBe("");
      }
    }
  });
});
