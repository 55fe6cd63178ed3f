// TOTP second factor (RFC 6238: SHA-1, 6 digits, 30 s, as every authenticator app expects),
// with `otpauth`. A code is accepted one step either side of now, and only once: the caller
// stores the step it matched and refuses any step not after it.
import crypto from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { z } from "zod";

export const TOTP_ISSUER = "Enrollment Console";
const PERIOD = 30;
const DIGITS = 6;
const RECOVERY_CODES = 10;

export const ZTotpCode = z
  .string()
  .trim()
  .transform((value) => value.replace(/\s+/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, { error: "six digits" }));

/** A recovery code as typed: letters and digits, dashes and spaces ignored, case-insensitive. */
export const ZRecoveryCode = z
  .string()
  .trim()
  .transform((value) => value.replace(/[\s-]+/g, "").toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{10}$/, { error: "ten letters or digits" }));

/** A new random secret (160 bits), base32 as authenticator apps take it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI the QR code carries. */
export function totpUri(secret: string, username: string): string {
  return new TOTP({ issuer: TOTP_ISSUER, label: username, secret: Secret.fromBase32(secret), digits: DIGITS, period: PERIOD }).toString();
}

/** The time step `code` belongs to (now ± one step), or null when it is not a valid code. */
export function matchTotp(secret: string, code: string, now: number = Date.now()): number | null {
  const parsed = ZTotpCode.safeParse(code);
  if (!parsed.success) return null;
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: DIGITS, period: PERIOD });
  const delta = totp.validate({ token: parsed.data, timestamp: now, window: 1 });
  return delta === null ? null : totp.counter({ timestamp: now }) + delta;
}

/** The code for `now` (tests, and nothing else, need to compute one). */
export function totpCode(secret: string, now: number = Date.now()): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), digits: DIGITS, period: PERIOD, timestamp: now });
}

const RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

export function hashRecoveryCode(code: string): string {
  return crypto.createHash("sha256").update(code).digest("hex");
}

/** Ten single-use recovery codes (50 bits each) to show once, and their hashes to store. */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: RECOVERY_CODES }, () => {
    const raw = Array.from(crypto.randomBytes(10), (byte) => RECOVERY_ALPHABET[byte % RECOVERY_ALPHABET.length]).join("");
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
  return { codes, hashes: codes.map((code) => hashRecoveryCode(code.replace("-", ""))) };
}
