// What an account number of a product looks like in the core, so that a person reconciling an
// unknown outcome records what the core really shows (not `abc`). One rule, used by the
// reconciliation form in the browser and by the server that records it. Pure.
//
// The format comes from, in this order:
//   1. the number of digits an admin set on the product code (Admin → Product codes);
//   2. the core's own earlier answers for that product (the CREATE entries' account numbers):
//      their lengths, and digits only when all of them were;
//   3. otherwise: digits only, 4 to 40 of them (the seed's sample account is 12 digits).

export type TAccountNumberFormat = {
  minLength: number;
  maxLength: number;
  digitsOnly: boolean;
  /** Where it comes from, so the form can say why a number does not fit. */
  source: "product_code" | "learnt" | "default";
};

/** What an admin may set as an account number's length. */
export const ACCOUNT_NUMBER_LENGTH = { min: 4, max: 40 } as const;

export const DEFAULT_ACCOUNT_NUMBER_FORMAT: TAccountNumberFormat = { minLength: 4, maxLength: 40, digitsOnly: true, source: "default" };

/** The format of a product's account numbers: the admin's length, else learnt from the core's `earlier` numbers, else the default. */
export function accountNumberFormat(configuredLength: number | null, earlier: readonly string[]): TAccountNumberFormat {
  if (configuredLength !== null) return { minLength: configuredLength, maxLength: configuredLength, digitsOnly: true, source: "product_code" };
  const seen = earlier.map((number) => number.trim()).filter((number) => number !== "");
  if (seen.length === 0) return DEFAULT_ACCOUNT_NUMBER_FORMAT;
  const lengths = seen.map((number) => number.length);
  return { minLength: Math.min(...lengths), maxLength: Math.max(...lengths), digitsOnly: seen.every((number) => /^\d+$/.test(number)), source: "learnt" };
}

/**
 * Why `value` is not an account number of this format, as a message the reconciliation form
 * translates (components/push/issue-messages.ts); null when it fits.
 */
export function accountNumberProblem(value: string, format: TAccountNumberFormat): string | null {
  const number = value.trim();
  if (format.digitsOnly ? !/^\d+$/.test(number) : !/^[A-Za-z0-9]+$/.test(number)) return format.digitsOnly ? "must be digits only" : "must be letters and digits only";
  if (number.length >= format.minLength && number.length <= format.maxLength) return null;
  const unit = format.digitsOnly ? "digits" : "characters";
  return format.minLength === format.maxLength ? `must be ${format.minLength} ${unit}` : `must be ${format.minLength} to ${format.maxLength} ${unit}`;
}
