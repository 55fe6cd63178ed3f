import { describe, expect, it } from "vitest";
import {
  blindIndex,
  indexKeyFromEnv,
  isSealed,
  lastFour,
  normalizeIdentityNumber,
  openPii,
  piiKeyringFromEnv,
  piiKeysFromEnv,
  piiOwner,
  sealedKeyVersion,
  sealPii,
} from "@/lib/crypto/pii";
import { generateKey, parseKeyring, SecretDecryptionError } from "@/lib/crypto/secrets";

const K1 = generateKey();
const K2 = generateKey();
const keyring = parseKeyring(`1:${K1}`, "PII_ENCRYPTION_KEYS");
const OWNER = piiOwner.enrollment("0193a6f0-0000-7000-8000-000000000001");

describe("identity numbers at rest", () => {
  it("seals with a self-describing prefix and the key version, and opens for the same owner", () => {
    const sealed = sealPii('"111110001"', OWNER, keyring);
    expect(sealed).toMatch(/^pii:v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(sealed).not.toContain("111110001");
    expect(isSealed(sealed)).toBe(true);
    expect(isSealed("111110001")).toBe(false);
    expect(sealedKeyVersion(sealed)).toBe(1);
    expect(openPii(sealed, OWNER, keyring)).toBe('"111110001"');
    expect(sealPii("x", OWNER, keyring)).not.toBe(sealPii("x", OWNER, keyring));
  });

  it("refuses the wrong key, an unknown version, edited bytes and another owner, without the value in the error", () => {
    const sealed = sealPii("111110001", OWNER, keyring);
    expect(() => openPii(sealed, OWNER, parseKeyring(`1:${K2}`, "PII_ENCRYPTION_KEYS"))).toThrow(SecretDecryptionError);
    expect(() => openPii(sealed, OWNER, parseKeyring(`2:${K1}`, "PII_ENCRYPTION_KEYS"))).toThrow(/key version 1 is not in PII_ENCRYPTION_KEYS/);
    expect(() => openPii(sealed, piiOwner.enrollment("0193a6f0-0000-7000-8000-000000000002"), keyring)).toThrow(SecretDecryptionError);
    expect(() => openPii(sealed, piiOwner.enrollmentBody("0193a6f0-0000-7000-8000-000000000001"), keyring)).toThrow(SecretDecryptionError);
    const parts = sealed.split(":");
    const data = Buffer.from(parts[4]!, "base64");
    data[0] = data[0]! ^ 1;
    const forged = [...parts.slice(0, 4), data.toString("base64")].join(":");
    expect(() => openPii(forged, OWNER, keyring)).toThrow(SecretDecryptionError);
    try {
      openPii(forged, OWNER, keyring);
    } catch (error) {
      expect(String(error)).not.toContain("111110001");
    }
    expect(() => openPii("111110001", OWNER, keyring)).toThrow(/not a sealed/);
  });

  it("normalises before indexing: case, spaces, dashes, dots and slashes do not matter", () => {
    expect(normalizeIdentityNumber(" m-111 233.3999/ ")).toBe("M1112333999");
    expect(normalizeIdentityNumber("ｍ１１１")).toBe("M111");
    const key = indexKeyFromEnv({ PII_INDEX_KEY: K1 });
    expect(blindIndex("M1112333999", key)).toBe(blindIndex(" m-111 233.3999 ", key));
    expect(blindIndex("M1112333999", key)).toMatch(/^[0-9a-f]{64}$/);
    expect(blindIndex("M1112333999", key)).not.toBe(blindIndex("M1112333998", key));
    expect(blindIndex("M1112333999", key)).not.toBe(blindIndex("M1112333999", indexKeyFromEnv({ PII_INDEX_KEY: K2 })));
    expect(blindIndex(" - ", key)).toBeNull();
    expect(blindIndex(null, key)).toBeNull();
  });

  it("keeps the last four characters only when they are not the whole number", () => {
    expect(lastFour(" 111110001 ")).toBe("0001");
    expect(lastFour("1234")).toBe("");
    expect(lastFour("")).toBeNull();
    expect(lastFour(null)).toBeNull();
  });

  it("takes its keys from the environment, always required; the repository's old development keys are refused", () => {
    expect(piiKeyringFromEnv({ PII_ENCRYPTION_KEYS: `3:${K2},1:${K1}` }).current).toBe(3);
    expect(() => piiKeysFromEnv({ NODE_ENV: "test", PII_INDEX_KEY: K1 })).toThrow(/PII_ENCRYPTION_KEYS: required/);
    expect(() => piiKeysFromEnv({ NODE_ENV: "test", PII_ENCRYPTION_KEYS: `1:${K1}` })).toThrow(/PII_INDEX_KEY: required/);
    expect(() => piiKeyringFromEnv({ PII_ENCRYPTION_KEYS: `1:${K1},0:CTzF97NhKgbAuxbv1Je6Uez7bgmXUncZAD/nC5QlKms=` })).toThrow(/published in the repository/);
    expect(() => indexKeyFromEnv({ PII_INDEX_KEY: "UZeCPgelQf0ZgwTvbmv6elZ/Ze1+/ZGao+EJV5q+Ung=" })).toThrow(/published in the repository/);
    expect(piiKeysFromEnv({ NODE_ENV: "production", PII_ENCRYPTION_KEYS: `1:${K1}`, PII_INDEX_KEY: K2 }).keyring.current).toBe(1);
    expect(() => indexKeyFromEnv({ PII_INDEX_KEY: "c2hvcnQ=" })).toThrow(/32 bytes/);
    expect(() => piiKeyringFromEnv({ PII_ENCRYPTION_KEYS: "1:c2hvcnQ=" })).toThrow(/Invalid PII_ENCRYPTION_KEYS/);
  });
});
