import { describe, expect, it } from "vitest";
import {
  decryptSecret,
  encryptSecret,
  generateKey,
  keyringFromEnv,
  keyVersionOf,
  parseKeyring,
  resealSecret,
  SecretDecryptionError,
  secretOwner,
} from "@/lib/crypto/secrets";

const K1 = generateKey();
const K2 = generateKey();
const OWNER = secretOwner.integrationSetting("core.password");

describe("settings secrets (AES-256-GCM)", () => {
  it("round-trips, with the key version in the ciphertext and a fresh IV each time", () => {
    const keyring = parseKeyring(`1:${K1}`);
    const a = encryptSecret("hunter2 ñ", OWNER, keyring);
    const b = encryptSecret("hunter2 ñ", OWNER, keyring);
    expect(a.keyVersion).toBe(1);
    expect(a.ciphertext).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(a.ciphertext).not.toContain("hunter2");
    expect(a.ciphertext).not.toBe(b.ciphertext);
    expect(decryptSecret(a.ciphertext, OWNER, keyring)).toBe("hunter2 ñ");
    expect(decryptSecret(encryptSecret("", OWNER, keyring).ciphertext, OWNER, keyring)).toBe("");
  });

  it("refuses the wrong key and an unknown key version", () => {
    const sealed = encryptSecret("secret", OWNER, parseKeyring(`1:${K1}`));
    expect(() => decryptSecret(sealed.ciphertext, OWNER, parseKeyring(`1:${K2}`))).toThrow(SecretDecryptionError);
    expect(() => decryptSecret(sealed.ciphertext, OWNER, parseKeyring(`2:${K1}`))).toThrow(/key version 1 is not in/);
  });

  it("refuses a tampered tag, IV or data, and says nothing of the secret", () => {
    const keyring = parseKeyring(`1:${K1}`);
    const [version, iv, tag, data] = encryptSecret("secret-value", OWNER, keyring).ciphertext.split(":") as [string, string, string, string];
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, "base64");
      bytes[0] = bytes[0]! ^ 1;
      return bytes.toString("base64");
    };
    for (const forged of [`${version}:${iv}:${flip(tag)}:${data}`, `${version}:${flip(iv)}:${tag}:${data}`, `${version}:${iv}:${tag}:${flip(data)}`]) {
      expect(() => decryptSecret(forged, OWNER, keyring)).toThrow(SecretDecryptionError);
      try {
        decryptSecret(forged, OWNER, keyring);
      } catch (error) {
        expect(String(error)).not.toContain("secret-value");
      }
    }
    expect(() => decryptSecret("plain text", OWNER, keyring)).toThrow(/not a sealed secret/);
  });

  it("refuses a ciphertext moved to another setting or user (the AAD binds the owner)", () => {
    const keyring = parseKeyring(`1:${K1}`);
    const sealed = encryptSecret("core-password", OWNER, keyring);
    expect(() => decryptSecret(sealed.ciphertext, secretOwner.integrationSetting("amlyze.token"), keyring)).toThrow(SecretDecryptionError);
    expect(() => decryptSecret(sealed.ciphertext, secretOwner.userTotp("u1"), keyring)).toThrow(SecretDecryptionError);
  });

  it("rotation: the old key stays readable; reseal moves to the current key, once", () => {
    const old = parseKeyring(`1:${K1}`);
    const sealed = encryptSecret("rotate-me", OWNER, old);
    const rotated = parseKeyring(`2:${K2},1:${K1}`);
    expect(decryptSecret(sealed.ciphertext, OWNER, rotated)).toBe("rotate-me");
    const resealed = resealSecret(sealed.ciphertext, OWNER, rotated);
    expect(resealed?.keyVersion).toBe(2);
    expect(keyVersionOf(resealed!.ciphertext)).toBe(2);
    expect(resealSecret(resealed!.ciphertext, OWNER, rotated)).toBeNull();
    // once every value is resealed, the old key can go
    expect(decryptSecret(resealed!.ciphertext, OWNER, parseKeyring(`2:${K2}`))).toBe("rotate-me");
    expect(() => resealSecret(sealed.ciphertext, OWNER, parseKeyring(`3:${generateKey()}`))).toThrow(SecretDecryptionError);
  });

  it("validates SETTINGS_ENCRYPTION_KEYS without echoing a key", () => {
    expect(parseKeyring(` 2:${K2} , 1:${K1} `).current).toBe(2);
    expect(() => parseKeyring("1:c2hvcnQ=")).toThrow(/must be 32 bytes/);
    expect(() => parseKeyring(`1:${K1},1:${K2}`)).toThrow(/listed twice/);
    expect(() => parseKeyring(K1)).toThrow(/<version>:<base64/);
    try {
      parseKeyring(`x:${K1}`);
    } catch (error) {
      expect(String(error)).not.toContain(K1);
    }
  });

  it("always needs a keyring from the environment, and refuses the repository's old development key", () => {
    expect(() => keyringFromEnv({ NODE_ENV: "development" })).toThrow(/SETTINGS_ENCRYPTION_KEYS: required/);
    expect(() => keyringFromEnv({ NODE_ENV: "production", ALLOW_DEV_SECRET: "1" })).toThrow(/required/);
    expect(() => keyringFromEnv({ SETTINGS_ENCRYPTION_KEYS: "0:biWv0VjG3GHVDQHvLvadwAk99/L8cbtEJK89aQaNupI=" })).toThrow(/published in the repository/);
    expect(keyringFromEnv({ NODE_ENV: "production", SETTINGS_ENCRYPTION_KEYS: `5:${K1}` }).current).toBe(5);
  });
});
