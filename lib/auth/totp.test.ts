import { describe, expect, it } from "vitest";
import { hashRecoveryCode, matchTotp, newRecoveryCodes, newTotpSecret, totpCode, totpUri, ZRecoveryCode } from "@/lib/auth/totp";

// RFC 6238 appendix B, SHA-1: secret "12345678901234567890" (base32 below), 8 digits there; 6 here.
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

describe("TOTP", () => {
  it("computes the RFC 6238 codes (last six digits)", () => {
    expect(totpCode(RFC_SECRET, 59_000)).toBe("287082");
    expect(totpCode(RFC_SECRET, 1_111_111_109_000)).toBe("081804");
    expect(totpCode(RFC_SECRET, 2_000_000_000_000)).toBe("279037");
  });

  it("accepts a code one step either side and says which step it was", () => {
    const now = 1_700_000_000_000;
    const step = Math.floor(now / 30_000);
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, now), now)).toBe(step);
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, now - 30_000), now)).toBe(step - 1);
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, now + 30_000), now)).toBe(step + 1);
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, now - 90_000), now)).toBeNull();
    expect(matchTotp(RFC_SECRET, ` ${totpCode(RFC_SECRET, now).slice(0, 3)} ${totpCode(RFC_SECRET, now).slice(3)} `, now)).toBe(step);
    expect(matchTotp(RFC_SECRET, "abcdef", now)).toBeNull();
  });

  it("makes 160-bit secrets and an otpauth URI authenticator apps read", () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    const uri = new URL(totpUri(secret, "olga"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.searchParams.get("secret")).toBe(secret);
    expect(uri.searchParams.get("issuer")).toBe("Enrollment Console");
    expect(decodeURIComponent(uri.pathname)).toContain("olga");
  });

  it("recovery codes: ten, distinct, typed in any case with or without the dash", () => {
    const { codes, hashes } = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    const typed = ZRecoveryCode.parse(` ${codes[0]!.toLowerCase()} `);
    expect(hashes).toContain(hashRecoveryCode(typed));
    expect(ZRecoveryCode.safeParse("short").success).toBe(false);
  });
});
