// Zod schemas derived from FIELD_TABLE. Shared by client forms and the server, so no
// server-only imports. Schemas only check, never transform: a payload that passes comes
// out with the same content it went in with (unknown keys included).
import { z } from "zod";
import { getAlpha2Codes } from "i18n-iso-countries";
import { codes as currencyCodes } from "currency-codes";
import { FIELD_TABLE, type TFieldSpec, type TSectionKey } from "./field-table";
import { isIsoDate } from "./iso-date";

/** The closed lists of the `country` and `currency` rows, sorted. */
export const COUNTRY_CODES: readonly string[] = Object.keys(getAlpha2Codes()).sort();
export const CURRENCY_CODES: readonly string[] = [...currencyCodes()].sort();
const ALPHA2 = new Set(COUNTRY_CODES);
const ISO4217 = new Set(CURRENCY_CODES);
const EMAIL = z.email();

export const REQUIRED = "Required";

// The seed: a field without `*` "can arrive with the value of null, empty ("") or even
// not appear in the json"; all three mean the same thing.
export const isNoValue = (value: unknown): boolean => value === undefined || value === null || value === "";

// Lengths are in code points so accented names (NÚÑEZ = 5) count the way people read them.
export const codePointLength = (s: string): number => [...s].length;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

// Missing/null/"" in a required field reads "Required"; anything else gets `message`.
const typeError = (message: string) => ({
  error: (issue: { input?: unknown }) => (isNoValue(issue.input) ? REQUIRED : message),
});

const TYPE_MESSAGE: Record<TFieldSpec["type"], string> = {
  string: "Must be text",
  integer: "Must be an integer",
  float: "Must be a number",
  date: "Not a real calendar date (YYYY-MM-DD)",
  flag: "Must be 0 or 1",
  enum: "Must be one of the allowed values",
  country: "Not an ISO 3166-1 alpha-2 country code",
  currency: "Not an ISO 4217 currency code",
  object: "Must be an object",
};

// One message per string value, first problem wins, so the officer sees one clear issue.
function stringProblem(spec: TFieldSpec, s: string): string | null {
  if (s === "") return spec.required ? REQUIRED : null;
  // blanks would reach the core as a "value" of spaces
  if (spec.required && s.trim() === "") return REQUIRED;
  if (spec.type === "string" && spec.maxLength !== undefined && codePointLength(s) > spec.maxLength) {
    return `At most ${spec.maxLength} characters`;
  }
  switch (spec.type) {
    case "date":
      return isIsoDate(s) ? null : TYPE_MESSAGE.date;
    case "country":
      return ALPHA2.has(s) ? null : TYPE_MESSAGE.country;
    case "currency":
      return ISO4217.has(s) ? null : TYPE_MESSAGE.currency;
    case "string":
      return spec.format === "email" && !EMAIL.safeParse(s).success ? "Not a valid email address" : null;
    default:
      return null;
  }
}

function stringSchema(spec: TFieldSpec): z.ZodType {
  const schema = z.string(typeError(TYPE_MESSAGE[spec.type])).superRefine((s, ctx) => {
    const problem = stringProblem(spec, s);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
  return spec.required ? schema : schema.nullable().optional();
}

function numberSchema(spec: TFieldSpec, accepts: (n: number) => boolean): z.ZodType {
  const message = TYPE_MESSAGE[spec.type];
  const schema = z.number(typeError(message)).refine(accepts, { error: message });
  if (spec.required) return schema;
  // "" is "no value" too; the union needs its own message or zod says "Invalid input"
  return z.union([schema, z.literal("")], { error: message }).nullable().optional();
}

function enumSchema(spec: Extract<TFieldSpec, { type: "enum" }>): z.ZodType {
  const message = `Must be one of: ${spec.values.join(", ")}`;
  const values = spec.required ? spec.values : [...spec.values, ""];
  const schema = z.string(typeError(message)).refine((s) => values.includes(s), { error: (issue) => (isNoValue(issue.input) ? REQUIRED : message) });
  return spec.required ? schema : schema.nullable().optional();
}

/** The schema for one scalar field of the table (not for `object` rows). */
export function fieldSchema(spec: TFieldSpec): z.ZodType {
  switch (spec.type) {
    case "string":
    case "date":
    case "country":
    case "currency":
      return stringSchema(spec);
    case "integer":
      return numberSchema(spec, Number.isInteger);
    case "float":
      return numberSchema(spec, Number.isFinite);
    case "flag":
      return numberSchema(spec, (n) => n === 0 || n === 1);
    case "enum":
      return enumSchema(spec);
    case "object":
      throw new Error(`fieldSchema: ${spec.section}.${spec.path} is an object; use buildObjectSchema`);
  }
}

/**
 * A loose object for the rows directly under `prefix` (dotted, "" for the section root),
 * recursing into `object` rows. Unknown keys are kept: the console never drops data.
 */
export function buildObjectSchema(fields: readonly TFieldSpec[], prefix = ""): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const spec of fields) {
    if (!spec.path.startsWith(prefix)) continue;
    const key = spec.path.slice(prefix.length);
    if (key.includes(".")) continue;
    if (spec.type !== "object") {
      shape[key] = fieldSchema(spec);
      continue;
    }
    const nested = buildObjectSchema(fields, `${spec.path}.`);
    // an optional object may be missing or null; once present its required rows apply
    shape[key] = spec.required ? nested : nested.nullable().optional();
  }
  return z.looseObject(shape, typeError(TYPE_MESSAGE.object));
}

// Cross-field rules must run even when some field already failed, hence `when`.
const whenRecord = { when: (payload: { value: unknown }) => isRecord(payload.value) };
const whenArray = { when: (payload: { value: unknown }) => Array.isArray(payload.value) };

const sectionFields = (section: TSectionKey) => FIELD_TABLE.filter((f) => f.section === section);

export const ZClientInfo = buildObjectSchema(sectionFields("client_info"))
  .refine((v) => v.sex !== "O" || !isNoValue(v.other_sex_description), { ...whenRecord, path: ["other_sex_description"], error: "Required when sex is O" })
  .refine((v) => v.sex === "O" || isNoValue(v.other_sex_description), { ...whenRecord, path: ["other_sex_description"], error: "Only allowed when sex is O" });

export const ZClientDocument = buildObjectSchema(sectionFields("client_documents"));

export const ZClientDocuments = z
  .array(ZClientDocument, typeError("Must be a list"))
  .refine((docs) => docs.length > 0, { ...whenArray, error: "At least one document is required" })
  .refine((docs) => docs.length === 0 || docs.filter((d) => isRecord(d) && d.main === 1).length === 1, {
    ...whenArray,
    error: "Exactly one document must have main = 1",
  });

// Only rent_amount, owner and owner_phone say "rented case" in the seed; rent_currency does
// not, and the seed's own example 2 sends it with housing_type Propia, so it is exempt.
export const RENTED_ONLY_FIELDS = ["rent_amount", "owner", "owner_phone"] as const;

export const ZClientLocation = RENTED_ONLY_FIELDS.reduce(
  (schema, field) =>
    schema.refine((v) => isNoValue(v[field]) || !(v.housing_type === "Propia" || isNoValue(v.housing_type)), {
      ...whenRecord,
      path: [field],
      error: "Only allowed when housing_type is Alquilada",
    }),
  buildObjectSchema(sectionFields("client_location")),
);

export const ZClientContact = buildObjectSchema(sectionFields("client_contact"));
export const ZClientJobInfo = buildObjectSchema(sectionFields("client_job_info"));
export const ZClientReferences = buildObjectSchema(sectionFields("client_references"));
export const ZClientTransactionality = buildObjectSchema(sectionFields("client_transactionality"));
export const ZClientEntityBranch = buildObjectSchema(sectionFields("client_entity_branch"));

export const SECTION_SCHEMAS = {
  client_info: ZClientInfo,
  client_documents: ZClientDocuments,
  client_location: ZClientLocation,
  client_contact: ZClientContact,
  client_job_info: ZClientJobInfo,
  client_references: ZClientReferences,
  client_transactionality: ZClientTransactionality,
  client_entity_branch: ZClientEntityBranch,
} as const satisfies Record<TSectionKey, z.ZodType>;

// SECTION_SCHEMAS is declared in SECTION_KEYS order, so issues come out in form order.
export const ZEnrollmentPayload = z.looseObject(SECTION_SCHEMAS, typeError(TYPE_MESSAGE.object));

export type TClientInfo = z.infer<typeof ZClientInfo>;
export type TClientDocument = z.infer<typeof ZClientDocument>;
export type TClientLocation = z.infer<typeof ZClientLocation>;
export type TEnrollmentPayload = z.infer<typeof ZEnrollmentPayload>;
