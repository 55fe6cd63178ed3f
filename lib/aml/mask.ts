// Identity document numbers are masked wherever compliance reads an enrollment, a diff or a
// recorded request; the full number is only shown on an explicit, audited click. That includes a
// number the core or AMLYZE wrote back inside their own words (an error message, a raw body):
// found there as a word, by the numbers the enrollment is known to have or by the blind index.
import { blindIndex, normalizeIdentityNumber } from "@/lib/crypto/pii";
import type { TChange } from "@/lib/enrollment/diff";
import { maskIdentity } from "@/lib/intake/extract-columns";
import { IDENTITY_KEYS, isIdentityPath } from "@/lib/pii/identities";
import type { TReason } from "@/lib/reasons/reason";

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

const maskScalar = (value: unknown) => (value === null || value === undefined || value === "" ? value : maskIdentity(String(value)));

/** A copy of `value` with every document number masked, however deep. */
export function maskDocumentNumbers(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskDocumentNumbers);
  if (!isRecord(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, IDENTITY_KEYS.has(key) && !isRecord(child) && !Array.isArray(child) ? maskScalar(child) : maskDocumentNumbers(child)]));
}

/** A diff entry with its document numbers masked (a path ending in one, or inside an object). */
export function maskChange(change: TChange): TChange {
  if (isIdentityPath(change.path)) return { ...change, old: maskScalar(change.old), new: maskScalar(change.new) };
  return { ...change, old: maskDocumentNumbers(change.old), new: maskDocumentNumbers(change.new) };
}

/** A recorded JSON body, masked and indented for reading; text that is not JSON is kept as it is. */
export function maskJsonText(text: string | null): string | null {
  if (text === null) return null;
  try {
    return JSON.stringify(maskDocumentNumbers(JSON.parse(text)), null, 2);
  } catch {
    return text;
  }
}

/** Whether a word of free text is one of a customer's identity numbers. */
export type TIdentityMatcher = (word: string) => boolean;

/** Every value under an identity key, however deep (a payload, a recorded request, an event's data). */
export function identityValues(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const child of value) identityValues(child, found);
  else if (isRecord(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (IDENTITY_KEYS.has(key) && (typeof child === "string" || typeof child === "number")) found.push(String(child));
      else identityValues(child, found);
    }
  }
  return found;
}

/** Matches the numbers given, however they are written (case, spaces, dashes, dots, slashes). */
export function knownNumbers(numbers: Iterable<string>): TIdentityMatcher {
  const known = new Set<string>();
  for (const number of numbers) {
    const normalized = normalizeIdentityNumber(number);
    if (normalized !== "") known.add(normalized);
  }
  return (word) => known.size > 0 && known.has(normalizeIdentityNumber(word));
}

/** Matches the number behind a blind index (a queue row's main document), without knowing it. */
export function indexedNumber(mainDocIndex: string | null): TIdentityMatcher {
  return (word) => mainDocIndex !== null && blindIndex(word) === mainDocIndex;
}

// A word: letters and digits, possibly joined by the separators identity numbers are written with.
const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}\-./]*[\p{L}\p{N}])?/gu;

/** Free text (a message, a body) with every word that is an identity number masked (`•••••0001`). */
export function maskNumbersIn(text: string, isIdentity: TIdentityMatcher): string {
  return text.replace(WORD, (word) => (isIdentity(word) ? maskIdentity(word) : word));
}

const REASON_CODE = /^[a-z]+(\.[a-z_]+)?$/;

/** A reason with the identity numbers inside its parameters (the outside systems' words) masked. */
export function maskReason(reason: TReason | null, isIdentity: TIdentityMatcher): TReason | null {
  if (reason === null) return null;
  const walk = (node: unknown, key?: string): unknown => {
    // Our own codes stay as they are; AMLYZE's error codes are its words like any other.
    if (typeof node === "string") return key === "code" && REASON_CODE.test(node) ? node : maskNumbersIn(node, isIdentity);
    if (Array.isArray(node)) return node.map((child) => walk(child));
    if (isRecord(node)) return Object.fromEntries(Object.entries(node).map(([k, child]) => [k, walk(child, k)]));
    return node;
  };
  return walk(reason) as TReason;
}
