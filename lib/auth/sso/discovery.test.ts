import { describe, expect, it } from "vitest";
import { judgeDiscovery, wellKnownUrl } from "./discovery";

// Trimmed from Keycloak's and Entra ID's discovery documents.
const keycloak = {
  issuer: "https://sso.bank.test/realms/staff",
  authorization_endpoint: "https://sso.bank.test/realms/staff/protocol/openid-connect/auth",
  token_endpoint: "https://sso.bank.test/realms/staff/protocol/openid-connect/token",
  jwks_uri: "https://sso.bank.test/realms/staff/protocol/openid-connect/certs",
  scopes_supported: ["openid", "profile", "email", "roles"],
  claims_supported: ["sub", "iss", "name", "preferred_username", "email"],
};
const entra = {
  issuer: "https://login.microsoftonline.com/0000-tenant/v2.0",
  authorization_endpoint: "https://login.microsoftonline.com/0000-tenant/oauth2/v2.0/authorize",
  token_endpoint: "https://login.microsoftonline.com/0000-tenant/oauth2/v2.0/token",
  jwks_uri: "https://login.microsoftonline.com/0000-tenant/discovery/v2.0/keys",
  scopes_supported: ["openid", "profile", "email", "offline_access"],
};
const expected = (issuer: string, scopes = "openid profile email") => ({ issuer, scopes, groupsClaim: "groups" });

describe("judgeDiscovery", () => {
  it("accepts a document for the configured issuer and reports unlisted scopes and claims", () => {
    expect(judgeDiscovery(200, keycloak, expected(keycloak.issuer, "openid profile groups"))).toEqual({
      verdict: "ok",
      missingScopes: ["groups"],
      groupsClaim: "groups",
      groupsClaimListed: false,
    });
    // Entra ID lists no claims: nothing can be said about the groups claim.
    expect(judgeDiscovery(200, entra, expected(entra.issuer))).toMatchObject({ verdict: "ok", missingScopes: [], groupsClaimListed: null });
  });

  it("refuses another issuer, even by a trailing slash (tokens are checked against the exact string)", () => {
    expect(judgeDiscovery(200, keycloak, expected(`${keycloak.issuer}/`))).toEqual({ verdict: "unexpected", status: 200, detail: "issuer_mismatch" });
  });

  it("tells a wrong URL from a failing provider", () => {
    expect(judgeDiscovery(404, null, expected(keycloak.issuer))).toEqual({ verdict: "unexpected", status: 404, detail: "status" });
    expect(judgeDiscovery(200, { hello: "world" }, expected(keycloak.issuer))).toEqual({ verdict: "unexpected", status: 200, detail: "not_discovery" });
  });
});

describe("wellKnownUrl", () => {
  it("appends the discovery path once", () => {
    expect(wellKnownUrl("https://sso.bank.test/realms/staff/")).toBe("https://sso.bank.test/realms/staff/.well-known/openid-configuration");
  });
});
