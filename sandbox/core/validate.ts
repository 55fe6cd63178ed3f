// What the simulated core insists on. Mirrors the `*` fields of the core_customer seed table and
// the decisions of docs/CONTRACTS.md §1–3; deliberately independent of lib/enrollment so a bug
// in the console's own schemas cannot hide behind an identical bug here.
import { z } from "zod";

function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const missing = (input: unknown) => input === undefined || input === null;

/** Required text: present, non-blank, at most `max` characters. */
function reqStr(max: number) {
  return z
    .string({ error: (iss) => (missing(iss.input) ? "required" : "must be a string") })
    .refine((s) => s.trim().length > 0, "required")
    .refine((s) => s.length <= max, `at most ${max} characters`);
}

/** Optional text: missing, null and "" all mean "no value" (CONTRACTS §1). */
function optStr(max: number) {
  return z.string().max(max, `at most ${max} characters`).nullable().optional();
}

const reqNumber = z.number({ error: (iss) => (missing(iss.input) ? "required" : "must be a number") });
const reqInt = z.int({ error: (iss) => (missing(iss.input) ? "required" : "must be an integer") });
const realDate = z
  .string({ error: (iss) => (missing(iss.input) ? "required" : "must be a string YYYY-MM-DD") })
  .refine(isRealDate, "must be a real date YYYY-MM-DD");
const iso2 = z
  .string({ error: (iss) => (missing(iss.input) ? "required" : "must be a string") })
  .regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code");
const currency = z
  .string({ error: (iss) => (missing(iss.input) ? "required" : "must be a string") })
  .regex(/^[A-Z]{3}$/, "must be an ISO 4217 code");
const flag = z.union([z.literal(0), z.literal(1)], { error: "must be 0 or 1" });
const section = <T extends z.ZodRawShape>(shape: T) =>
  z.object(shape, { error: (iss) => (missing(iss.input) ? "required" : "must be an object") });

const ZClientInfo = section({
  first_name: reqStr(30),
  last_name: reqStr(30),
  // CONTRACTS §1: the table says varchar 1 but lists NB/NC; the closed list wins.
  sex: z.enum(["M", "F", "NB", "NC", "O"], { error: "must be one of M, F, NB, NC, O" }),
  other_sex_description: optStr(50),
  birth_date: realDate,
  civil_status_id: reqInt,
  wisenroll_code: reqStr(6),
  customer_number: z.int({ error: "must be an integer or null" }).positive().nullable().optional(),
}).superRefine((info, ctx) => {
  if (info.sex === "O" && !info.other_sex_description?.trim()) {
    ctx.addIssue({ code: "custom", path: ["other_sex_description"], message: "required when sex is O" });
  }
});

const ZDocument = section({
  document_number: reqStr(20),
  document_type_code: reqStr(20),
  issuing_country_code: iso2,
  main: flag,
});

const ZDocuments = z
  .array(ZDocument, { error: (iss) => (missing(iss.input) ? "required" : "must be an array") })
  .min(1, "at least one document is required")
  .superRefine((docs, ctx) => {
    const mains = docs.filter((doc) => doc.main === 1).length;
    // An empty list already has its own message.
    if (docs.length > 0 && mains !== 1) ctx.addIssue({ code: "custom", message: `exactly one document must have main: 1 (found ${mains})` });
  });

const ZReference = section({ name: reqStr(100) });

export const ZCoreCustomerBody = z.object({
  client_info: ZClientInfo,
  client_documents: ZDocuments,
  client_location: section({
    city_description: reqStr(30),
    country_code: iso2,
    country_description: reqStr(20),
    locality_code: reqStr(6),
    locality_description: reqStr(70),
    address: reqStr(100),
    housing_type: z.enum(["Propia", "Alquilada"]).or(z.literal("")).nullable().optional(),
  }),
  client_contact: section({
    email: reqStr(50).refine((s) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(s), "must be an email address"),
    cell_phone: reqStr(20),
  }),
  client_job_info: section({
    salary: reqNumber,
    annual_gross_salary: reqNumber,
    net_income: reqNumber,
    currency_code: currency,
    company_country_code: iso2,
    company_country_description: reqStr(20),
    work_address: reqStr(150),
    entry_date: realDate,
    professional_position: reqStr(100),
    occupation_code: reqStr(50),
    occupation_description: reqStr(2000),
  }),
  client_references: section({ first_personal_reference: ZReference, second_personal_reference: ZReference }),
  client_transactionality: section({
    inc_transactionality: reqNumber,
    inc_transactionality_currency: currency,
    inc_monthly_movements: reqInt,
    out_transactionality: reqNumber,
    out_transactionality_currency: currency,
    out_monthly_movements: reqInt,
    funds_country_code: iso2,
    funds_country_description: reqStr(50),
  }),
  client_entity_branch: section({ branch_code: reqStr(6), branch_name: reqStr(35) }),
});

const ZRelatedClient = z.object({
  customer_number: z.int({ error: "must be an integer" }).positive().nullable().optional(),
  // CONTRACTS §3: the example's 6-character string wins over the table's "integer".
  related_wisenroll_code: z.string({ error: "must be a string" }).length(6, "must be 6 characters").or(z.literal("")).nullable().optional(),
  account_link_type_code: optStr(2),
  authorized_signature: flag.nullable().optional(),
  main_document: z
    .object({
      document_type_code: optStr(20),
      document_number: optStr(20),
      issuing_country_code: iso2.or(z.literal("")).nullable().optional(),
    })
    .nullable()
    .optional(),
});

export const ZCoreProductBody = z.object({
  product_code: reqStr(4),
  customer_number: z.int({ error: (iss) => (missing(iss.input) ? "required" : "must be an integer") }).positive(),
  open_date: realDate,
  related_client_info: z.array(ZRelatedClient).nullable().optional(),
});

export type TCoreCustomerBody = z.infer<typeof ZCoreCustomerBody>;
export type TCoreProductBody = z.infer<typeof ZCoreProductBody>;
