import { describe, expect, it } from "vitest";
import { clientAddress, parseTrustedProxies } from "./client-address";

const NONE = parseTrustedProxies(undefined);

describe("clientAddress", () => {
  it("with no trusted proxy, the socket's address counts and X-Forwarded-For is ignored", () => {
    expect(clientAddress("127.0.0.1", "198.51.100.7", NONE)).toBe("127.0.0.1");
    expect(clientAddress("::ffff:203.0.113.9", "198.51.100.7, 10.0.0.1", NONE)).toBe("203.0.113.9");
  });

  it("reads X-Forwarded-For from the right, only through configured proxies", () => {
    const proxies = parseTrustedProxies("10.0.0.0/8, ::1");
    // The caller forged the first entry; the proxy appended the address it saw.
    expect(clientAddress("10.0.0.5", "1.2.3.4, 198.51.100.7", proxies)).toBe("198.51.100.7");
    // Two proxies of ours in a row.
    expect(clientAddress("::1", ["1.2.3.4, 198.51.100.7", "10.1.1.1"], proxies)).toBe("198.51.100.7");
    // A caller that reaches the console directly cannot claim to be someone else.
    expect(clientAddress("198.51.100.7", "10.0.0.5", proxies)).toBe("198.51.100.7");
    // Garbage where a proxy would have appended an address: the proxy's own address counts.
    expect(clientAddress("10.0.0.5", "not-an-address", proxies)).toBe("10.0.0.5");
    expect(clientAddress(null, "198.51.100.7", proxies)).toBeNull();
  });

  it("refuses a TRUSTED_PROXIES entry it cannot read", () => {
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/10\.0\.0\.0\/33/);
    expect(() => parseTrustedProxies("proxy.internal")).toThrow(/proxy\.internal/);
    expect(parseTrustedProxies(" 192.0.2.1 ,2001:db8::/32").check("2001:db8::5", "ipv6")).toBe(true);
  });
});
