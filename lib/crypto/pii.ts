// Identity numbers at rest (document numbers, AMLYZE's nationalCode), and the text the core and
// AMLYZE send back (which may echo them): sealed with the AES-256-GCM keyring of secrets.ts under
// keys of their own (`PII_ENCRYPTION_KEYS`). Numbers are findable by exact value through a blind
// index, an HMAC-SHA256 under `PII_INDEX_KEY` of the normalised number.
// A sealed value reads `pii:v<version>:<iv>:<tag>:<data>`: the prefix tells a reader, inside any
// JSON document or text column, that the value is sealed. Its owner (the enrollment, or the AML
// event) is the authenticated data, so a value copied into another enrollment does not open.
import "server-only";
import crypto from "node:crypto";
import { isRetiredSecret } from "@/lib/config/retired-secrets";
import { decryptSecret, encryptSecret, keyringFromEnv, keyVersionOf, type TKeyring } from "./secrets";

export const SEALED_PREFIX = "pii:";

const INDEX_KEY_BYTES = 32;

/** What sealing and indexing need: the keyring (current seals, all open) and the blind index key. */
export type TPiiKeys = { keyring: TKeyring; indexKey: Buffer };

/** The PII keyring from `PII_ENCRYPTION_KEYS`; required, as for settings. */
export function piiKeyringFromEnv(env: Record<string, string | undefined> = process.env): TKeyring {
  return keyringFromEnv(env, "PII_ENCRYPTION_KEYS");
}

/** `PII_INDEX_KEY`: base64 of 32 bytes. One key, no versions: changing it means `npm run pii:rotate`. */
export function indexKeyFromEnv(env: Record<string, string | undefined> = process.env): Buffer {
  const spec = env.PII_INDEX_KEY?.trim();
  if (!spec) throw new Error("Invalid PII_INDEX_KEY: required (e.g. `$(openssl rand -base64 32)`)");
  const key = /^[A-Za-z0-9+/_-]+={0,2}$/.test(spec) ? Buffer.from(spec, "base64") : Buffer.alloc(0);
  if (key.length !== INDEX_KEY_BYTES) throw new Error(`Invalid PII_INDEX_KEY: must be the base64 of 32 bytes (it is ${key.length} bytes)`);
  if (isRetiredSecret(key)) throw new Error("Invalid PII_INDEX_KEY: it was published in the repository as a development key: make a new one");
  return key;
}

/** Both keys from an environment; throws naming the variable, never a key. */
export function piiKeysFromEnv(env: Record<string, string | undefined> = process.env): TPiiKeys {
  return { keyring: piiKeyringFromEnv(env), indexKey: indexKeyFromEnv(env) };
}

let cached: { encryption: string | undefined; index: string | undefined; keys: TPiiKeys } | undefined;

/** The process's PII keys, parsed once per value of the two variables. */
export function piiKeys(): TPiiKeys {
  const encryption = process.env.PII_ENCRYPTION_KEYS;
  const index = process.env.PII_INDEX_KEY;
  if (!cached || cached.encryption !== encryption || cached.index !== index) cached = { encryption, index, keys: piiKeysFromEnv() };
  return cached.keys;
}

/** Owner names (the additional authenticated data) of sealed identity numbers. */
export const piiOwner = {
  /** Values inside an enrollment's JSON: payloads, requested products, revisions, product requests. */
  enrollment: (enrollmentId: string) => `enrollment:${enrollmentId}`,
  /** Whole recorded bodies of an enrollment's outbound calls and AML submissions. */
  enrollmentBody: (enrollmentId: string) => `enrollment_body:${enrollmentId}`,
  /** An AMLYZE CloudEvent, which may arrive before its customer is known. */
  amlEvent: (eventId: string) => `aml_event:${eventId}`,
  /** A customer's AML view (aml_customers), keyed by the core customer number. */
  amlCustomer: (customerExtId: string) => `aml_customer:${customerExtId}`,
};

export function isSealed(value: unknown): value is string {
  return typeof value === "string" && value.startsWith(`${SEALED_PREFIX}v`);
}

/** Seals `plaintext` for `owner` with the current key. */
export function sealPii(plaintext: string, owner: string, keyring: TKeyring = piiKeys().keyring): string {
  return SEALED_PREFIX + encryptSecret(plaintext, owner, keyring).ciphertext;
}

/** Opens a sealed value; throws SecretDecryptionError (naming the owner, never the value) otherwise. */
export function openPii(sealed: string, owner: string, keyring: TKeyring = piiKeys().keyring): string {
  if (!isSealed(sealed)) throw new Error("not a sealed identity number");
  return decryptSecret(sealed.slice(SEALED_PREFIX.length), owner, keyring);
}

/** The version of the key that sealed a value, without opening it. */
export function sealedKeyVersion(sealed: string): number {
  return keyVersionOf(sealed.slice(SEALED_PREFIX.length));
}

/**
 * The form of an identity number that is indexed: NFKC, upper case, without spaces, dashes,
 * dots or slashes, so `m-111 233.3999` finds `M1112333999` as an officer would expect.
 */
export function normalizeIdentityNumber(value: string): string {
  return value.normalize("NFKC").toUpperCase().replace(/[\s\-./]+/gu, "");
}

/** The blind index of an identity number (hex HMAC-SHA256), or null when there is nothing to index. */
export function blindIndex(value: string | null | undefined, indexKey: Buffer = piiKeys().indexKey): string | null {
  if (value === null || value === undefined) return null;
  const normalized = normalizeIdentityNumber(value);
  if (normalized === "") return null;
  // The label keeps this index apart from any other kind of value indexed under the same key.
  return crypto.createHmac("sha256", indexKey).update(`identity_number\u0000${normalized}`, "utf8").digest("hex");
}

/**
 * The last four characters kept in clear for masked display (`••••0001`), or "" when the number
 * is so short that they would be all of it.
 */
export function lastFour(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const chars = [...value.trim()];
  if (chars.length === 0) return null;
  return chars.length <= 4 ? "" : chars.slice(-4).join("");
}
