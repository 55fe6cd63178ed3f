// Turns schema failures into the flat issue list the console stores and shows per section.
import type { z } from "zod";
import { SECTION_KEYS, type TSectionKey } from "./field-table";
import { SECTION_SCHEMAS, ZEnrollmentPayload } from "./schema";

export { SECTION_KEYS, type TSectionKey } from "./field-table";

export type TValidationIssue = { path: string; section: TSectionKey; message: string };

const isSectionKey = (value: unknown): value is TSectionKey => SECTION_KEYS.some((key) => key === value);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function toIssues(issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[]): TValidationIssue[] {
  return issues.map((issue) => {
    const segments = [...prefix, ...issue.path].map(String);
    const section = segments[0];
    // unreachable: the payload schema is an object of sections, so every issue sits in one
    if (!isSectionKey(section)) throw new Error(`Validation issue outside any section: ${segments.join(".")}`);
    return { path: segments.join("."), section, message: issue.message };
  });
}

/** Every rule the enrollment breaks; `[]` means it can be pushed to the core. */
export function validateEnrollment(payload: unknown): TValidationIssue[] {
  // a non-object body is reported as eight missing sections, so every issue has a section
  const result = ZEnrollmentPayload.safeParse(isRecord(payload) ? payload : {});
  return result.success ? [] : toIssues(result.error.issues, []);
}

/** The issues of one section's value (as edited in its form), with full payload paths. */
export function validateSection(section: TSectionKey, value: unknown): TValidationIssue[] {
  const result = SECTION_SCHEMAS[section].safeParse(value);
  return result.success ? [] : toIssues(result.error.issues, [section]);
}

export function countIssuesBySection(issues: readonly TValidationIssue[]): Record<TSectionKey, number> {
  const counts = Object.fromEntries(SECTION_KEYS.map((key) => [key, 0])) as Record<TSectionKey, number>;
  for (const issue of issues) counts[issue.section] += 1;
  return counts;
}
