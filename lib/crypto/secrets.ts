// Secrets at rest (integration passwords and tokens, TOTP secrets): AES-256-GCM under a key from
// the environment. A stored value reads `v<version>:<iv>:<tag>:<data>` (base64), so the key that
// sealed it is known and old keys can stay listed, decrypt-only, until `npm run settings:rotate`
// has re-encrypted everything with the current one. The additional authenticated data names the
// value's owner (e.g. `integration_setting:core.password`): a ciphertext copied into another row
// fails to decrypt instead of handing one setting's secret to another.
import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import { isRetiredSecret } from "@/lib/config/retired-secrets";

const ALGORITHM = "aes-256-gcm";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

/** The keys a process can use: `current` seals, every listed version opens; `variable` names their source in errors. */
export type TKeyring = { current: number; keys: ReadonlyMap<number, Buffer>; variable?: string };

/** A sealed value and the version of the key that sealed it (stored beside it). */
export type TSealed = { ciphertext: string; keyVersion: number };

/** Wrong key, unknown key version, edited bytes, or a ciphertext moved to another owner. */
export class SecretDecryptionError extends Error {
  override readonly name = "SecretDecryptionError";
}

const ZKeyEntry = z
  .string()
  .trim()
  .regex(/^\d{1,9}:[A-Za-z0-9+/_-]+={0,2}$/, { error: "each key must read <version>:<base64 of 32 bytes>" })
  .transform((entry, ctx) => {
    const [version, encoded] = entry.split(":") as [string, string];
    // Node's base64 decoder reads the URL-safe alphabet too.
    const key = Buffer.from(encoded, "base64");
    if (key.length !== KEY_BYTES) {
      ctx.addIssue({ code: "custom", message: `key version ${version} must be 32 bytes (it is ${key.length})` });
      return z.NEVER;
    }
    if (isRetiredSecret(key)) {
      ctx.addIssue({ code: "custom", message: `key version ${version} was published in the repository as a development key: make a new one` });
      return z.NEVER;
    }
    return { version: Number(version), key };
  });

/** `SETTINGS_ENCRYPTION_KEYS` (or `PII_ENCRYPTION_KEYS`): comma-separated `<version>:<base64 key>`, the first is current. */
export const ZKeyringSpec = z
  .string()
  .trim()
  .min(1, { error: "the list of keys is empty" })
  .transform((spec) => spec.split(",").filter((part) => part.trim() !== ""))
  .pipe(z.array(ZKeyEntry).min(1))
  .transform((entries, ctx): TKeyring => {
    const keys = new Map<number, Buffer>();
    for (const { version, key } of entries) {
      if (keys.has(version)) {
        ctx.addIssue({ code: "custom", message: `key version ${version} is listed twice` });
        return z.NEVER;
      }
      keys.set(version, key);
    }
    return { current: entries[0]!.version, keys };
  });

/** Parses a keyring spec; the error names the problem, never a key. */
export function parseKeyring(spec: string, variable = "SETTINGS_ENCRYPTION_KEYS"): TKeyring {
  const parsed = ZKeyringSpec.safeParse(spec);
  if (!parsed.success) throw new Error(`Invalid ${variable}: ${parsed.error.issues.map((issue) => issue.message).join("; ")}`);
  return { ...parsed.data, variable };
}

/**
 * The keyring from `SETTINGS_ENCRYPTION_KEYS` (or another variable). Always required: a local run
 * gets one made at random on its first start (lib/config/local-secrets.ts).
 */
export function keyringFromEnv(env: Record<string, string | undefined> = process.env, variable = "SETTINGS_ENCRYPTION_KEYS"): TKeyring {
  const spec = env[variable];
  if (spec === undefined || spec.trim() === "") throw new Error(`Invalid ${variable}: required (e.g. \`1:$(openssl rand -base64 32)\`)`);
  return parseKeyring(spec, variable);
}

let cached: { spec: string | undefined; keyring: TKeyring } | undefined;

/** The process's keyring, parsed once per value of SETTINGS_ENCRYPTION_KEYS. */
export function settingsKeyring(): TKeyring {
  const spec = process.env.SETTINGS_ENCRYPTION_KEYS;
  if (cached?.spec !== spec || !cached) cached = { spec, keyring: keyringFromEnv() };
  return cached.keyring;
}

/** A fresh random key, as `SETTINGS_ENCRYPTION_KEYS` takes it (base64). */
export function generateKey(): string {
  return crypto.randomBytes(KEY_BYTES).toString("base64");
}

/** Seals `plaintext` for `owner` with the keyring's current key. */
export function encryptSecret(plaintext: string, owner: string, keyring: TKeyring = settingsKeyring()): TSealed {
  const key = keyring.keys.get(keyring.current)!;
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(owner, "utf8"));
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  const ciphertext = `v${keyring.current}:${iv.toString("base64")}:${tag.toString("base64")}:${data.toString("base64")}`;
  return { ciphertext, keyVersion: keyring.current };
}

type TParsed = { version: number; iv: Buffer; tag: Buffer; data: Buffer };

function parseSealed(ciphertext: string): TParsed {
  const match = /^v(\d{1,9}):([A-Za-z0-9+/=]+):([A-Za-z0-9+/=]+):([A-Za-z0-9+/=]*)$/.exec(ciphertext);
  if (!match) throw new SecretDecryptionError("not a sealed secret (expected v<version>:<iv>:<tag>:<data>)");
  const [, version, iv, tag, data] = match as unknown as [string, string, string, string, string];
  const parsed = { version: Number(version), iv: Buffer.from(iv, "base64"), tag: Buffer.from(tag, "base64"), data: Buffer.from(data, "base64") };
  if (parsed.iv.length !== IV_BYTES || parsed.tag.length !== TAG_BYTES) throw new SecretDecryptionError("sealed secret has a malformed iv or tag");
  return parsed;
}

/** The version of the key that sealed `ciphertext` (without decrypting it). */
export function keyVersionOf(ciphertext: string): number {
  return parseSealed(ciphertext).version;
}

/** Opens a value sealed for `owner`; throws SecretDecryptionError (with no secret in it) otherwise. */
export function decryptSecret(ciphertext: string, owner: string, keyring: TKeyring = settingsKeyring()): string {
  const sealed = parseSealed(ciphertext);
  const key = keyring.keys.get(sealed.version);
  if (!key) throw new SecretDecryptionError(`key version ${sealed.version} is not in ${keyring.variable ?? "SETTINGS_ENCRYPTION_KEYS"}`);
  try {
    const decipher = crypto.createDecipheriv(ALGORITHM, key, sealed.iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(owner, "utf8"));
    decipher.setAuthTag(sealed.tag);
    return Buffer.concat([decipher.update(sealed.data), decipher.final()]).toString("utf8");
  } catch {
    // node's message says only "Unsupported state or unable to authenticate data".
    throw new SecretDecryptionError(`secret of ${owner} does not open with key version ${sealed.version} (wrong key, edited, or moved)`);
  }
}

/**
 * The same secret sealed with the current key, or null when it already is. Throws when it
 * cannot be opened, so a rotation never writes over a value it could not read.
 */
export function resealSecret(ciphertext: string, owner: string, keyring: TKeyring = settingsKeyring()): TSealed | null {
  if (keyVersionOf(ciphertext) === keyring.current) return null;
  return encryptSecret(decryptSecret(ciphertext, owner, keyring), owner, keyring);
}

/** Owner names (the AAD): one per kind of secret, so values can never be swapped across kinds. */
export const secretOwner = {
  integrationSetting: (key: string) => `integration_setting:${key}`,
  userTotp: (userId: string) => `user_totp:${userId}`,
  /** A secret shown during enrolment, not yet confirmed: sealed apart from confirmed ones. */
  userTotpPending: (userId: string) => `user_totp_pending:${userId}`,
};
