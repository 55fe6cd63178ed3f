// JSON Schemas (2020-12, as OpenAPI 3.1 uses them) of the eight sections, derived from
// FIELD_TABLE like the zod schemas in schema.ts, so the API document cannot drift from the forms.
// They describe an enrollment that passes the field rules. Intake accepts less (a field may be
// missing or wrong: the reviewers fix it), so nothing is `required` here: what a push needs is
// marked `x-required-for-push` (inside an optional object: whenever that object is present).
import { FIELD_TABLE, SECTIONS, type TFieldSpec, type TSectionKey } from "./field-table";
import { COUNTRY_CODES, CURRENCY_CODES, RENTED_ONLY_FIELDS } from "./schema";

export type TJsonSchema = Record<string, unknown>;

/** Component names of the shared schemas and of each section (an array section: its item). */
export const COUNTRY_CODE_SCHEMA = "CountryCode";
export const CURRENCY_CODE_SCHEMA = "CurrencyCode";
export const SECTION_SCHEMA_NAMES: Record<TSectionKey, string> = {
  client_info: "ClientInfo",
  client_documents: "ClientDocument",
  client_location: "ClientLocation",
  client_contact: "ClientContact",
  client_job_info: "ClientJobInfo",
  client_references: "ClientReferences",
  client_transactionality: "ClientTransactionality",
  client_entity_branch: "ClientEntityBranch",
};

// The rules across fields (schema.ts), in words.
const SECTION_RULES: Partial<Record<TSectionKey, string>> = {
  client_info: "other_sex_description is required when sex is O, and only allowed then.",
  client_location: `${RENTED_ONLY_FIELDS.join(", ")} are only allowed when housing_type is Alquilada.`,
};

type TRef = (name: string) => TJsonSchema;

/** Sentences joined into one text, each ended by one full stop. */
const sentences = (...parts: (string | null | undefined)[]): string =>
  parts
    .filter((part): part is string => Boolean(part))
    .map((part) => (/[.!?]$/.test(part) ? part : `${part}.`))
    .join(" ");

/** The field's value when it has one. */
function valueSchema(spec: TFieldSpec, ref: TRef): TJsonSchema {
  switch (spec.type) {
    case "string":
      return { type: "string", ...(spec.maxLength !== undefined && { maxLength: spec.maxLength }), ...(spec.format && { format: spec.format }) };
    case "integer":
      return { type: "integer" };
    case "float":
      return { type: "number" };
    case "date":
      return { type: "string", format: "date" };
    case "flag":
      return { type: "integer", enum: [0, 1] };
    case "enum":
      return { type: "string", enum: [...spec.values] };
    case "country":
      return ref(COUNTRY_CODE_SCHEMA);
    case "currency":
      return ref(CURRENCY_CODE_SCHEMA);
    case "object":
      throw new Error(`valueSchema: ${spec.section}.${spec.path} is an object`);
  }
}

function annotations(spec: TFieldSpec): TJsonSchema {
  const labels = spec.type === "enum" && spec.valueLabels ? spec.values.map((value) => `${value} = ${spec.valueLabels?.[value]?.en ?? value}`).join(", ") : null;
  const known = spec.knownValues?.map((known) => known.value);
  return {
    title: spec.label.en,
    description: sentences(
      spec.description.en,
      labels,
      known ? "Known values are suggestions: any other value within the length is accepted" : null,
      spec.required ? "Required for a push" : null,
    ),
    ...(known && { examples: known }),
    ...(spec.required && { "x-required-for-push": true }),
    ...(spec.identity && { "x-identity-number": true }),
  };
}

// The seed: a field without `*` may be missing, null or "", all three meaning "no value".
function scalarSchema(spec: TFieldSpec, ref: TRef): TJsonSchema {
  const value = valueSchema(spec, ref);
  if (spec.required) return { ...value, ...annotations(spec) };
  if (spec.type === "string" && spec.format === undefined) return { ...value, type: ["string", "null"], ...annotations(spec) };
  return { anyOf: [value, { type: "string", const: "" }, { type: "null" }], ...annotations(spec) };
}

/** The object of the rows directly under `prefix`; unknown keys are kept, so they are allowed. */
function objectSchema(fields: readonly TFieldSpec[], prefix: string, ref: TRef): TJsonSchema {
  const properties: Record<string, TJsonSchema> = {};
  for (const spec of fields) {
    if (!spec.path.startsWith(prefix)) continue;
    const key = spec.path.slice(prefix.length);
    if (key.includes(".")) continue;
    if (spec.type !== "object") {
      properties[key] = scalarSchema(spec, ref);
      continue;
    }
    const nested = { ...objectSchema(fields, `${spec.path}.`, ref), ...annotations(spec) };
    properties[key] = spec.required ? nested : { anyOf: [objectSchema(fields, `${spec.path}.`, ref), { type: "null" }], ...annotations(spec) };
  }
  return { type: "object", properties, additionalProperties: true };
}

/** Every schema a document needs for the sections: name → schema (refs made with `ref`). */
export function sectionJsonSchemas(ref: TRef): Record<string, TJsonSchema> {
  const schemas: Record<string, TJsonSchema> = {
    [COUNTRY_CODE_SCHEMA]: { type: "string", enum: [...COUNTRY_CODES], description: "ISO 3166-1 alpha-2 country code, upper case" },
    [CURRENCY_CODE_SCHEMA]: { type: "string", enum: [...CURRENCY_CODES], description: "ISO 4217 currency code, upper case" },
  };
  for (const section of SECTIONS) {
    const fields = FIELD_TABLE.filter((field) => field.section === section.key);
    const rule = SECTION_RULES[section.key];
    schemas[SECTION_SCHEMA_NAMES[section.key]] = {
      ...objectSchema(fields, "", ref),
      title: section.kind === "array" ? `${section.label.en} (one item)` : section.label.en,
      description: sentences(section.description.en, rule),
    };
  }
  return schemas;
}

/** The property of each section in the enrollment body. */
export function sectionProperties(ref: TRef): Record<TSectionKey, TJsonSchema> {
  return Object.fromEntries(
    SECTIONS.map((section) => {
      const item = ref(SECTION_SCHEMA_NAMES[section.key]);
      const schema: TJsonSchema =
        section.kind === "array"
          ? { type: "array", items: item, description: sentences(section.description.en, "At least one, and exactly one with main = 1") }
          : { ...item, description: sentences(section.description.en) };
      const property: TJsonSchema = { ...schema, title: section.label.en, "x-required-for-push": true };
      return [section.key, property];
    }),
  ) as Record<TSectionKey, TJsonSchema>;
}
