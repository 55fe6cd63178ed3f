// Pure helpers of the section form: form names, DOM ids, issue paths and values.
// Form values are `{ [section]: sectionValue }`, so every form name is the full payload path
// (`client_documents.0.main`), exactly as validateSection and the save action report issues.
import { fieldAnchor } from "@/lib/enrollment/field-label";
import { findField, fieldsOf, SECTIONS, type TFieldSpec, type TSectionKey } from "@/lib/enrollment/field-table";
import { isNoValue } from "@/lib/enrollment/schema";

export type TFormValues = Record<string, unknown>;
export type TPathMessage = { path: string; message: string };

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export { isNoValue };

export const isArraySection = (section: TSectionKey): boolean =>
  SECTIONS.find((spec) => spec.key === section)?.kind === "array";

/** DOM id of a field: `client_info.spouse_info.first_name` → `f-client_info-spouse_info-first_name`. */
export const fieldId = fieldAnchor;

export function getIn(value: unknown, path: string): unknown {
  if (path === "") return value;
  let node: unknown = value;
  for (const key of path.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** RHF default values for one section: the whole stored value (unknown keys included), deep-copied. */
export function toFormValues(section: TSectionKey, value: unknown): TFormValues {
  const array = isArraySection(section);
  const usable = array ? Array.isArray(value) : isRecord(value);
  return { [section]: usable ? structuredClone(value) : array ? [] : {} };
}

/** Row origins as loaded: row i of the form is row i of the stored array. */
export const initialOrigins = (value: unknown): (number | null)[] => (Array.isArray(value) ? value.map((_, index) => index) : []);

/** The field table's path of a form name: section prefix and array indexes dropped. */
export function tablePathOf(section: TSectionKey, formPath: string): string {
  if (!formPath.startsWith(`${section}.`)) return "";
  return formPath
    .slice(section.length + 1)
    .split(".")
    .filter((segment) => !/^\d+$/.test(segment))
    .join(".");
}

/** The array index of a form name inside an array section (`client_documents.2.main` → 2). */
export function rowIndexOf(section: TSectionKey, formPath: string): number | null {
  if (!isArraySection(section)) return null;
  const match = new RegExp(`^${section}\\.(\\d+)(\\.|$)`).exec(formPath);
  return match ? Number(match[1]) : null;
}

/**
 * Where an issue (full payload path) is shown in the form: the form name of a table field or
 * object, `<section>.root` for the documents list itself, or null (no field: show it at the top).
 */
export function toFormPath(section: TSectionKey, issuePath: string): string | null {
  if (issuePath === section) return isArraySection(section) ? `${section}.root` : null;
  const tablePath = tablePathOf(section, issuePath);
  if (tablePath === "") return null;
  return findField(section, tablePath) ? issuePath : null;
}

/** Splits issues into those shown on a field and those without one. */
export function placeIssues(section: TSectionKey, issues: readonly TPathMessage[]) {
  const onFields: TPathMessage[] = [];
  const elsewhere: TPathMessage[] = [];
  for (const issue of issues) {
    const path = toFormPath(section, issue.path);
    if (path) onFields.push({ path, message: issue.message });
    else elsewhere.push(issue);
  }
  return { onFields, elsewhere };
}

/** Number inputs: an empty box is null (never 0 or NaN); anything unparsable stays text for the schema to report. */
export function parseNumberInput(raw: unknown): unknown {
  if (typeof raw !== "string") return raw;
  if (raw.trim() === "") return null;
  const n = Number(raw);
  return Number.isFinite(n) ? n : raw;
}

/** Selects: "" is no value; the received value (kept as an option even when invalid) keeps its type. */
export function parseChoiceInput(raw: unknown, kind: "flag" | "text", received: unknown): unknown {
  if (typeof raw !== "string") return raw;
  if (!isNoValue(received) && raw === String(received)) return received;
  if (kind === "flag") return raw === "" ? null : raw === "0" || raw === "1" ? Number(raw) : raw;
  return raw;
}

/** The error shown on a form name itself (for an array: its own `root` error), not its children's. */
export function ownErrorMessage(errors: unknown, path: string): string | null {
  const node = getIn(errors, path);
  if (typeof node !== "object" || node === null) return null;
  const { message, root } = node as { message?: unknown; root?: { message?: unknown } };
  if (typeof message === "string" && message !== "") return message;
  return typeof root?.message === "string" && root.message !== "" ? root.message : null;
}

/** Every error message of an RHF errors tree (skipping DOM refs), with its form name. */
export function flattenErrors(node: unknown, path = ""): TPathMessage[] {
  if (typeof node !== "object" || node === null) return [];
  const out: TPathMessage[] = [];
  const record = node as Record<string, unknown>;
  if (typeof record.message === "string" && record.message !== "") out.push({ path, message: record.message });
  for (const [key, child] of Object.entries(record)) {
    if (key === "ref" || key === "message" || key === "type" || key === "types") continue;
    // an array's own error lives under `root` (RHF field arrays)
    const childPath = key === "root" && path !== "" ? path : path ? `${path}.${key}` : key;
    out.push(...flattenErrors(child, childPath));
  }
  return out;
}

const leavesOf = (section: TSectionKey): TFieldSpec[] => fieldsOf(section).filter((spec) => spec.type !== "object");

function restoreRow(leaves: readonly TFieldSpec[], row: unknown, initialRow: unknown): unknown {
  if (!isRecord(row)) return row;
  for (const spec of leaves) {
    const dot = spec.path.lastIndexOf(".");
    const parentPath = dot === -1 ? "" : spec.path.slice(0, dot);
    const key = spec.path.slice(dot + 1);
    const parent = getIn(row, parentPath);
    if (!isRecord(parent) || !isNoValue(parent[key])) continue;
    const initialParent = getIn(initialRow, parentPath);
    if (!isRecord(initialParent) || !(key in initialParent)) delete parent[key];
    else if (isNoValue(initialParent[key])) parent[key] = initialParent[key];
    else parent[key] = null; // cleared by the officer
  }
  return row;
}

/**
 * The value to save: the submitted one, except that a table field left without a value gets
 * back the exact "no value" it was loaded with (missing stays missing, null stays null, ""
 * stays ""), since RHF turns untouched missing inputs into "". `origins[i]` is the loaded row
 * index of submitted row i (null for a new row).
 */
export function restoreNoValues(section: TSectionKey, submitted: unknown, initial: unknown, origins: readonly (number | null)[] = []): unknown {
  const value = structuredClone(submitted);
  const leaves = leavesOf(section);
  if (!Array.isArray(value)) return restoreRow(leaves, value, initial);
  return value.map((row, index) => {
    const origin = origins[index];
    return restoreRow(leaves, row, origin === null || origin === undefined || !Array.isArray(initial) ? undefined : initial[origin]);
  });
}

/** Keys of the section (top level and inside table objects) that the field table does not know. */
export function unknownKeys(section: TSectionKey, value: unknown): string[] {
  const rows = Array.isArray(value) ? value : [value];
  const found = new Set<string>();
  const visit = (node: unknown, prefix: string) => {
    if (!isRecord(node)) return;
    for (const [key, child] of Object.entries(node)) {
      const path = prefix ? `${prefix}.${key}` : key;
      const spec = findField(section, path);
      if (!spec) found.add(path);
      else if (spec.type === "object") visit(child, path);
    }
  };
  rows.forEach((row) => visit(row, ""));
  return [...found];
}
