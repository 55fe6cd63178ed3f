// Intake-time clean-up of a received enrollment. Deliberately tiny: the console keeps what
// it receives, so the only change is the one contract decision about a key's spelling.

const BANK_REFERENCES = ["first_bank_reference", "second_bank_reference"] as const;
// The seed's table spells it `acount_type_description`, its examples (and the core) use
// `account_type_description` (docs/CONTRACTS.md §1).
const MISSPELLED = "acount_type_description";
const CANONICAL = "account_type_description";

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const hasValue = (value: unknown): boolean => value !== undefined && value !== null && value !== "";

/** A deep copy of `body` with bank references' `acount_type_description` mapped to `account_type_description`. */
export function normalizeEnrollment(body: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(body);
  const references = copy.client_references;
  if (!isRecord(references)) return copy;
  for (const key of BANK_REFERENCES) {
    const reference = references[key];
    if (!isRecord(reference) || !(MISSPELLED in reference)) continue;
    // the canonical key wins when it carries a value; an empty canonical key must not
    // swallow the value that arrived under the misspelling
    if (!hasValue(reference[CANONICAL]) && hasValue(reference[MISSPELLED])) {
      reference[CANONICAL] = reference[MISSPELLED];
    } else if (!(CANONICAL in reference)) {
      reference[CANONICAL] = reference[MISSPELLED];
    }
    delete reference[MISSPELLED];
  }
  return copy;
}
