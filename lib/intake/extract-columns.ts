// The columns the queue filters, sorts and searches on, taken from a payload. Values that do
// not fit a column are cut to it: the payload keeps the full value, the column is an index.
// The main document number is never a column: only its blind index (exact search) and its last
// four characters (masked lists).
import { blindIndex, lastFour, piiKeys } from "@/lib/crypto/pii";
import { identityIndex, identityOf, mainDocument, personIndex, personOf } from "@/lib/enrollment/identity";

type TRecord = Record<string, unknown>;

const asRecord = (value: unknown): TRecord | null =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as TRecord) : null;

const text = (value: unknown, max: number): string | null => {
  if (typeof value === "number") return String(value).slice(0, max);
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed === "" ? null : [...trimmed].slice(0, max).join("");
};

export type TQueueColumns = {
  wisenrollCode: string | null;
  firstName: string | null;
  lastName: string | null;
  fullName: string;
  mainDocType: string | null;
  mainDocIndex: string | null;
  mainDocLast4: string | null;
  mainDocCountry: string | null;
  branchCode: string | null;
  branchName: string | null;
  /** Blind index of the identity (main document's type, number, country): one person to the core. */
  identityIndex: string | null;
  /** Blind index of name + birth date: another document of the same person is a possible duplicate. */
  personIndex: string | null;
};

/** From a payload in clear (before it is sealed). */
export function extractQueueColumns(payload: TRecord, indexKey: Buffer = piiKeys().indexKey): TQueueColumns {
  const info = asRecord(payload.client_info) ?? {};
  const branch = asRecord(payload.client_entity_branch) ?? {};
  const doc = mainDocument(payload);
  const docNumber = text(doc?.number, 100);
  const names = [info.first_name, info.middle_name, info.last_name, info.middle_last_name]
    .map((part) => text(part, 100))
    .filter((part): part is string => part !== null);
  return {
    wisenrollCode: text(info.wisenroll_code, 64),
    firstName: text(info.first_name, 120),
    lastName: text(info.last_name, 120),
    fullName: names.join(" ").slice(0, 400),
    mainDocType: text(doc?.type, 20),
    mainDocIndex: blindIndex(docNumber, indexKey),
    mainDocLast4: lastFour(docNumber),
    mainDocCountry: text(doc?.country?.toUpperCase(), 10),
    branchCode: text(branch.branch_code, 40),
    branchName: text(branch.branch_name, 120),
    identityIndex: identityIndex(identityOf(doc), indexKey),
    personIndex: personIndex(personOf(payload), indexKey),
  };
}

/** A masked number from its stored last four characters: the same four dots whatever its length. */
export function maskLastFour(last4: string | null | undefined): string {
  if (last4 === null || last4 === undefined) return "";
  return `••••${last4}`;
}

/** Shows only the last four characters of an identity number. */
export function maskIdentity(value: string | null | undefined): string {
  if (!value) return "";
  const chars = [...value];
  if (chars.length <= 4) return "•".repeat(chars.length);
  return "•".repeat(Math.min(chars.length - 4, 8)) + chars.slice(-4).join("");
}
