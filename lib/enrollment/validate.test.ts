import { describe, it, expect } from "vitest";
import { countIssuesBySection, SECTION_KEYS, validateEnrollment, validateSection } from "./validate";
import { at, seedExample } from "./test-fixtures";

/** Validates seed example 1 after `change`, returning the messages found at `path`. */
function messagesAt(path: string, change: (body: Record<string, unknown>) => void, example: 1 | 2 | 3 = 1): string[] {
  const body = seedExample(example);
  change(body);
  return validateEnrollment(body).filter((issue) => issue.path === path).map((issue) => issue.message);
}

const info = (body: unknown) => at(body, "client_info");
const location = (body: unknown) => at(body, "client_location");
const job = (body: unknown) => at(body, "client_job_info");
const doc = (body: unknown, i: number) => at(body, "client_documents", i);

describe("seed examples", () => {
  it.each([1, 2, 3] as const)("example %i validates with zero issues", (n) => {
    expect(validateEnrollment(seedExample(n))).toEqual([]);
  });
});

describe("required", () => {
  it.each([["missing", undefined], ["null", null], ["empty", ""], ["blank", "   "]])("first_name %s is Required", (_, value) => {
    expect(messagesAt("client_info.first_name", (b) => { info(b).first_name = value; })).toEqual(["Required"]);
  });
  it("a required number that is empty is Required, not a type error", () => {
    expect(messagesAt("client_job_info.salary", (b) => { job(b).salary = ""; })).toEqual(["Required"]);
  });
  it("a missing section is Required, and a non-object body reports all eight", () => {
    expect(messagesAt("client_contact", (b) => { delete b.client_contact; })).toEqual(["Required"]);
    expect(validateEnrollment("nope").map((issue) => issue.path)).toEqual([...SECTION_KEYS]);
  });
  it("optional fields accept missing, null and empty string", () => {
    const body = seedExample(1);
    info(body).middle_name = null;
    info(body).nickname = "";
    delete info(body).other_nationality_code;
    job(body).work_email = "";
    at(body, "client_transactionality").inc_monthly_movements = 0;
    expect(validateEnrollment(body)).toEqual([]);
  });
});

describe("max length (Unicode code points)", () => {
  it("30 accented letters fit in varchar 30, 31 do not", () => {
    expect(messagesAt("client_info.last_name", (b) => { info(b).last_name = "NÚÑEZ".repeat(6); })).toEqual([]);
    expect(messagesAt("client_info.last_name", (b) => { info(b).last_name = `${"NÚÑEZ".repeat(6)}Á`; })).toEqual(["At most 30 characters"]);
  });
  it("counts astral characters once (not as two UTF-16 units)", () => {
    expect(messagesAt("client_info.first_name", (b) => { info(b).first_name = "𝒜".repeat(30); })).toEqual([]);
  });
  it("applies to nested objects and document items", () => {
    expect(messagesAt("client_info.spouse_info.document_number", (b) => { at(b, "client_info", "spouse_info").document_number = "1".repeat(16); })).toEqual(["At most 15 characters"]);
    expect(messagesAt("client_documents.2.document_number", (b) => { doc(b, 2).document_number = "9".repeat(21); })).toEqual(["At most 20 characters"]);
  });
});

describe("types", () => {
  it.each(["2023-02-30", "2023-02-29", "1991-13-01", "14/11/1991", "1991-11-14T00:00:00Z"])("date %s is rejected", (value) => {
    expect(messagesAt("client_info.birth_date", (b) => { info(b).birth_date = value; })).toEqual(["Not a real calendar date (YYYY-MM-DD)"]);
  });
  it("a leap day is a real date", () => {
    expect(messagesAt("client_info.birth_date", (b) => { info(b).birth_date = "2024-02-29"; })).toEqual([]);
  });
  it.each([1.5, "2"])("integer civil_status_id rejects %j", (value) => {
    expect(messagesAt("client_info.civil_status_id", (b) => { info(b).civil_status_id = value; })).toEqual(["Must be an integer"]);
  });
  it("optional integer customer_number accepts null and an integer, rejects a decimal", () => {
    expect(messagesAt("client_info.customer_number", (b) => { info(b).customer_number = 1234; })).toEqual([]);
    expect(messagesAt("client_info.customer_number", (b) => { info(b).customer_number = 12.5; })).toEqual(["Must be an integer"]);
  });
  it.each(["8000", Number.NaN, true])("float salary rejects %j", (value) => {
    expect(messagesAt("client_job_info.salary", (b) => { job(b).salary = value; })).toEqual(["Must be a number"]);
  });
  it("a whole number is a valid float", () => {
    expect(messagesAt("client_job_info.salary", (b) => { job(b).salary = 8000; })).toEqual([]);
  });
  it.each([2, "1", true, -1])("flag main rejects %j", (value) => {
    expect(messagesAt("client_documents.0.main", (b) => { doc(b, 0).main = value; })).toEqual(["Must be 0 or 1"]);
  });
  it("flag canceled inside an optional bank reference", () => {
    expect(messagesAt("client_references.first_bank_reference.canceled", (b) => { at(b, "client_references", "first_bank_reference").canceled = "0"; })).toEqual(["Must be 0 or 1"]);
  });
});

describe("closed lists", () => {
  it.each(["X", "m", "MALE"])("sex %s is not in the list", (value) => {
    expect(messagesAt("client_info.sex", (b) => { info(b).sex = value; })).toEqual(["Must be one of: M, F, NB, NC, O"]);
  });
  it("two-letter sex codes are accepted", () => {
    expect(messagesAt("client_info.sex", (b) => { info(b).sex = "NB"; })).toEqual([]);
    expect(messagesAt("client_info.sex", (b) => { info(b).sex = "NC"; })).toEqual([]);
  });
  it("housing_type is Propia or Alquilada", () => {
    expect(messagesAt("client_location.housing_type", (b) => { location(b).housing_type = "Rented"; })).toEqual(["Must be one of: Propia, Alquilada"]);
  });
  it.each(["us", "USA", "ZZ", 1])("country %j is rejected", (value) => {
    expect(messagesAt("client_info.nationality_code", (b) => { info(b).nationality_code = value; })).toEqual(["Not an ISO 3166-1 alpha-2 country code"]);
  });
  it("country checks reach nested objects and references", () => {
    expect(messagesAt("client_job_info.other_job_info.country_code", (b) => { at(b, "client_job_info", "other_job_info").country_code = "XX"; })).toEqual(["Not an ISO 3166-1 alpha-2 country code"]);
    expect(messagesAt("client_references.first_bank_reference.country_code", (b) => { at(b, "client_references", "first_bank_reference").country_code = "Estados Unidos"; })).toEqual(["Not an ISO 3166-1 alpha-2 country code"]);
  });
  it("reference country is free text up to 50", () => {
    expect(messagesAt("client_references.first_personal_reference.country", (b) => { at(b, "client_references", "first_personal_reference").country = "x".repeat(51); })).toEqual(["At most 50 characters"]);
  });
  it.each(["usd", "US$", "XYZ"])("currency %s is rejected", (value) => {
    expect(messagesAt("client_transactionality.inc_transactionality_currency", (b) => { at(b, "client_transactionality").inc_transactionality_currency = value; })).toEqual(["Not an ISO 4217 currency code"]);
    expect(messagesAt("client_job_info.currency_code", (b) => { job(b).currency_code = value; })).toEqual(["Not an ISO 4217 currency code"]);
  });
  it("a real currency other than USD is accepted", () => {
    expect(messagesAt("client_location.rent_currency", (b) => { location(b).rent_currency = "DOP"; })).toEqual([]);
  });
  it("emails must look like emails", () => {
    expect(messagesAt("client_contact.email", (b) => { at(b, "client_contact").email = "not-an-email"; })).toEqual(["Not a valid email address"]);
  });
});

describe("cross-field rules", () => {
  it("other_sex_description is required when sex is O, and only then", () => {
    expect(messagesAt("client_info.other_sex_description", (b) => { info(b).sex = "O"; })).toEqual(["Required when sex is O"]);
    expect(messagesAt("client_info.other_sex_description", (b) => { info(b).sex = "O"; info(b).other_sex_description = "Agénero"; })).toEqual([]);
    expect(messagesAt("client_info.other_sex_description", (b) => { info(b).other_sex_description = "Agénero"; })).toEqual(["Only allowed when sex is O"]);
  });
  it("rent amount and owner are rejected when housing is Propia or unset", () => {
    const propia = (b: Record<string, unknown>) => { location(b).housing_type = "Propia"; };
    expect(messagesAt("client_location.owner", propia)).toEqual(["Only allowed when housing_type is Alquilada"]);
    expect(messagesAt("client_location.owner_phone", propia)).toEqual(["Only allowed when housing_type is Alquilada"]);
    expect(messagesAt("client_location.rent_amount", propia)).toEqual(["Only allowed when housing_type is Alquilada"]);
    expect(messagesAt("client_location.owner", (b) => { delete location(b).housing_type; })).toEqual(["Only allowed when housing_type is Alquilada"]);
  });
  it("Propia with empty rent fields and a rent currency (seed example 2) is fine", () => {
    expect(messagesAt("client_location.owner", (b) => { location(b).owner = null; location(b).rent_amount = ""; }, 2)).toEqual([]);
  });
  it("cross-field rules still run when another field of the section is broken", () => {
    const found = messagesAt("client_location.owner", (b) => { location(b).housing_type = "Propia"; location(b).address = null; });
    expect(found).toEqual(["Only allowed when housing_type is Alquilada"]);
  });
});

describe("client_documents", () => {
  it("needs exactly one main document", () => {
    expect(messagesAt("client_documents", (b) => { doc(b, 0).main = 1; })).toEqual(["Exactly one document must have main = 1"]);
    expect(messagesAt("client_documents", (b) => { doc(b, 4).main = 0; })).toEqual(["Exactly one document must have main = 1"]);
  });
  it("checks the main rule even when an item is otherwise invalid", () => {
    expect(messagesAt("client_documents", (b) => { doc(b, 4).main = 0; doc(b, 1).document_number = null; })).toEqual(["Exactly one document must have main = 1"]);
  });
  it("needs at least one document and must be a list", () => {
    expect(messagesAt("client_documents", (b) => { b.client_documents = []; })).toEqual(["At least one document is required"]);
    expect(messagesAt("client_documents", (b) => { b.client_documents = { main: 1 }; })).toEqual(["Must be a list"]);
  });
  it("item fields are required", () => {
    expect(messagesAt("client_documents.3.issuing_country_code", (b) => { delete doc(b, 3).issuing_country_code; })).toEqual(["Required"]);
  });
});

describe("nested objects", () => {
  it("optional nested objects may be missing or null", () => {
    const body = seedExample(1);
    info(body).spouse_info = null;
    delete job(body).other_job_info;
    at(body, "client_references").first_bank_reference = null;
    expect(validateEnrollment(body)).toEqual([]);
  });
  it("a present optional object is still checked field by field", () => {
    expect(messagesAt("client_job_info.other_job_info.quantity_of_employees", (b) => { at(b, "client_job_info", "other_job_info").quantity_of_employees = 1.5; })).toEqual(["Must be an integer"]);
    expect(messagesAt("client_info.spouse_info", (b) => { info(b).spouse_info = "EMILY"; })).toEqual(["Must be an object"]);
  });
  it("personal references are required objects whose name is required", () => {
    expect(messagesAt("client_references.second_personal_reference", (b) => { at(b, "client_references").second_personal_reference = null; })).toEqual(["Required"]);
    expect(messagesAt("client_references.first_personal_reference.name", (b) => { at(b, "client_references").first_personal_reference = { phone: "7865545454" }; })).toEqual(["Required"]);
  });
});

describe("validateSection and countIssuesBySection", () => {
  it("validates one section with full payload paths", () => {
    expect(validateSection("client_entity_branch", { branch_code: "0123456", branch_name: "X" })).toEqual([
      { path: "client_entity_branch.branch_code", section: "client_entity_branch", message: "At most 6 characters" },
    ]);
  });
  it("counts issues per section, with every section present", () => {
    const body = seedExample(1);
    info(body).sex = "X";
    info(body).birth_date = "1991-02-30";
    doc(body, 0).main = 1;
    const counts = countIssuesBySection(validateEnrollment(body));
    expect(counts).toEqual({
      client_info: 2, client_documents: 1, client_location: 0, client_contact: 0,
      client_job_info: 0, client_references: 0, client_transactionality: 0, client_entity_branch: 0,
    });
  });
});
