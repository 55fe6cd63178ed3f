// Where identity numbers live in what the console stores, and how they are sealed there. Sealing
// happens at the data-access boundary: a JSON document is written with every value under an
// identity key replaced by a sealed string, and read back with every sealed string opened. A
// value is sealed as its JSON text, so a number stays a number and an odd value (an object sent
// under `document_number`) comes back exactly as it arrived. Whole text bodies (the exact bytes
// of an outbound request or response, an event as received) are sealed as one value, and so is
// whatever else came from the core or AMLYZE and may echo a number: their messages and parsed
// answers (as a whole JSON value), and the reasons built around them (lib/reasons/reason.ts).
import "server-only";
import { isSealed, openPii, piiKeys, sealedKeyVersion, sealPii } from "@/lib/crypto/pii";
import type { TKeyring } from "@/lib/crypto/secrets";
import type { TChange } from "@/lib/enrollment/diff";
import { IDENTITY_FIELDS } from "@/lib/enrollment/field-table";
import { reasonFromText, reasonToText, type TReason } from "@/lib/reasons/reason";

/**
 * Keys whose value is an identity number: the key of every field the field table marks as one
 * (whatever it is called: a new identity field is sealed from the day the table says so), the
 * related clients' main document on the core's wire, and AMLYZE's `nationalCode`.
 */
export const IDENTITY_KEYS: ReadonlySet<string> = new Set([
  ...IDENTITY_FIELDS.map((field) => field.path.slice(field.path.lastIndexOf(".") + 1)),
  "document_number",
  "nationalCode",
]);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const hasValue = (value: unknown) => value !== null && value !== undefined && value !== "";

/** A diff path that ends in an identity key (`client_documents.0.document_number`). */
export const isIdentityPath = (path: string) => IDENTITY_KEYS.has(path.slice(path.lastIndexOf(".") + 1));

// Always sealed, even when it already looks sealed: what arrives is data, and a string that
// merely starts with the prefix must come back as that string, not be taken for ciphertext.
function sealValue(value: unknown, owner: string, keyring: TKeyring): unknown {
  return hasValue(value) ? sealPii(JSON.stringify(value), owner, keyring) : value;
}

/** A copy of `value` with every value under an identity key sealed, however deep. */
export function sealIdentities<T>(value: T, owner: string, keyring: TKeyring = piiKeys().keyring): T {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!isRecord(node)) return node;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(node)) out[key] = IDENTITY_KEYS.has(key) ? sealValue(child, owner, keyring) : walk(child);
    return out;
  };
  return walk(value) as T;
}

/** A copy of `value` with every sealed string opened; clear values (rows not yet sealed) pass. */
export function openIdentities<T>(value: T, owner: string, keyring: TKeyring = piiKeys().keyring): T {
  const walk = (node: unknown): unknown => {
    if (isSealed(node)) return JSON.parse(openPii(node, owner, keyring)) as unknown;
    if (Array.isArray(node)) return node.map(walk);
    if (!isRecord(node)) return node;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(node)) out[key] = walk(child);
    return out;
  };
  return walk(value) as T;
}

/** A revision's diff with its identity numbers sealed: a path ending in one, or inside an object. */
export function sealChanges(changes: readonly TChange[], owner: string, keyring: TKeyring = piiKeys().keyring): TChange[] {
  return changes.map((change) =>
    isIdentityPath(change.path)
      ? { ...change, old: sealValue(change.old, owner, keyring), new: sealValue(change.new, owner, keyring) }
      : { ...change, old: sealIdentities(change.old, owner, keyring), new: sealIdentities(change.new, owner, keyring) },
  );
}

export function openChanges(changes: readonly TChange[], owner: string, keyring: TKeyring = piiKeys().keyring): TChange[] {
  return changes.map((change) => ({ ...change, old: openIdentities(change.old, owner, keyring), new: openIdentities(change.new, owner, keyring) }));
}

/** A whole text body sealed as one value; null and "" (nothing was sent or received) stay. */
export function sealText<T extends string | null>(text: T, owner: string, keyring: TKeyring = piiKeys().keyring): T {
  return (text === null || text === "" ? text : sealPii(text, owner, keyring)) as T;
}

export function openText<T extends string | null>(text: T, owner: string, keyring: TKeyring = piiKeys().keyring): T {
  return (isSealed(text) ? openPii(text, owner, keyring) : text) as T;
}

const isEmptyJson = (value: unknown) => (Array.isArray(value) && value.length === 0) || (isRecord(value) && Object.keys(value).length === 0);

/**
 * A whole JSON value sealed as one (its JSON text), for a jsonb column that holds what the core
 * or AMLYZE answered: the column then holds one sealed string. null, and an empty array or object
 * (nothing was received), stay as they are.
 */
export function sealJson<T>(value: T, owner: string, keyring: TKeyring = piiKeys().keyring): T | string {
  return value === null || value === undefined || isEmptyJson(value) ? value : sealPii(JSON.stringify(value), owner, keyring);
}

/** The value sealJson sealed; a clear value (a row not yet sealed) passes as it is. */
export function openJson(value: unknown, owner: string, keyring: TKeyring = piiKeys().keyring): unknown {
  return isSealed(value) ? (JSON.parse(openPii(value, owner, keyring)) as unknown) : value;
}

/** A reason (a code and its parameters, which may carry an outside system's words) sealed for a text column. */
export function sealReason(reason: TReason | null, owner: string, keyring: TKeyring = piiKeys().keyring): string | null {
  return reason === null ? null : sealPii(reasonToText(reason), owner, keyring);
}

/** The reason a column holds; text stored before reasons were codes comes back as a `text` reason. */
export function openReason(stored: string | null, owner: string, keyring: TKeyring = piiKeys().keyring): TReason | null {
  if (stored === null) return null;
  return reasonFromText(isSealed(stored) ? openPii(stored, owner, keyring) : stored);
}

/**
 * A reason column's value under the current key: clear text (written before reasons were codes
 * and sealed) becomes a `text` reason, shown as it is; a sealed value is sealed again as it is.
 */
export function resealReason(stored: string | null, owner: string, keyring: TKeyring): string | null {
  if (stored === null || stored === "") return stored;
  if (isSealed(stored)) return sealPii(openPii(stored, owner, keyring), owner, keyring);
  return sealReason({ code: "text", text: stored }, owner, keyring);
}

/** What a stored value holds that is not sealed with the current key: clear identity numbers, or values under an old key. */
export type TPiiScan = { clear: number; stale: number };

const emptyScan = (): TPiiScan => ({ clear: 0, stale: 0 });

function scanValue(value: unknown, identity: boolean, keyring: TKeyring, scan: TPiiScan): void {
  if (isSealed(value)) {
    if (sealedKeyVersion(value) !== keyring.current) scan.stale += 1;
    return;
  }
  if (identity) {
    if (hasValue(value)) scan.clear += 1;
    return;
  }
  if (Array.isArray(value)) for (const child of value) scanValue(child, false, keyring, scan);
  else if (isRecord(value)) for (const [key, child] of Object.entries(value)) scanValue(child, IDENTITY_KEYS.has(key), keyring, scan);
}

export function scanIdentities(value: unknown, keyring: TKeyring): TPiiScan {
  const scan = emptyScan();
  scanValue(value, false, keyring, scan);
  return scan;
}

export function scanChanges(changes: readonly TChange[], keyring: TKeyring): TPiiScan {
  const scan = emptyScan();
  for (const change of changes) {
    const identity = isIdentityPath(change.path);
    scanValue(change.old, identity, keyring, scan);
    scanValue(change.new, identity, keyring, scan);
  }
  return scan;
}

export function scanText(text: string | null, keyring: TKeyring): TPiiScan {
  const scan = emptyScan();
  scanValue(text, true, keyring, scan);
  return scan;
}

/** A sealJson column: a clear value with something in it counts as clear. */
export function scanJson(value: unknown, keyring: TKeyring): TPiiScan {
  const scan = emptyScan();
  if (isSealed(value)) scanValue(value, true, keyring, scan);
  else if (value !== null && value !== undefined && !isEmptyJson(value)) scan.clear += 1;
  return scan;
}
