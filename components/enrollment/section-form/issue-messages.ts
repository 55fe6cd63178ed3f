// The schema (lib/enrollment/schema.ts) speaks English; the form shows its messages in the
// user's language by mapping each known message to a key under `sectionForm.issues`.
// An unknown message (a new rule, a server text) is shown as it came.

export type TIssueMessage = { key: string; values?: Record<string, string | number> };

const FIXED: Record<string, string> = {
  Required: "required",
  "Must be text": "text",
  "Must be an integer": "integer",
  "Must be a number": "number",
  "Not a real calendar date (YYYY-MM-DD)": "date",
  "Must be 0 or 1": "flag",
  "Must be one of the allowed values": "enum",
  "Not an ISO 3166-1 alpha-2 country code": "country",
  "Not an ISO 4217 currency code": "currency",
  "Must be an object": "object",
  "Must be a list": "list",
  "Not a valid email address": "email",
  "Required when sex is O": "otherSexRequired",
  "Only allowed when sex is O": "otherSexOnly",
  "Only allowed when housing_type is Alquilada": "rentedOnly",
  "At least one document is required": "atLeastOneDocument",
  "Exactly one document must have main = 1": "exactlyOneMain",
};

export function issueMessage(message: string): TIssueMessage | null {
  const fixed = FIXED[message];
  if (fixed) return { key: fixed };
  const max = /^At most (\d+) characters$/.exec(message);
  if (max) return { key: "maxLength", values: { max: Number(max[1]) } };
  const oneOf = /^Must be one of: (.+)$/.exec(message);
  if (oneOf?.[1]) return { key: "oneOf", values: { values: oneOf[1] } };
  return null;
}

type TTranslate = { (key: string, values?: Record<string, string | number>): string; has(key: string): boolean };

/** `message` in the user's language when it is one the schema is known to produce. */
export function translateIssue(t: TTranslate, message: string): string {
  const known = issueMessage(message);
  return known && t.has(`issues.${known.key}`) ? t(`issues.${known.key}`, known.values) : message;
}
