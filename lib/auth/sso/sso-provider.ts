// next-auth's generic OAuth provider configured as an OpenID Connect client of the bank's identity
// provider. Built per request from the settings in force (lib/auth/options.ts), so an admin's
// change applies to the next sign-in without a restart.
import "server-only";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { wellKnownUrl } from "./discovery";
import type { TSsoConfig } from "./readiness";

/** next-auth's provider id: the callback URL to register at the provider is {NEXTAUTH_URL}/api/auth/callback/sso. */
export const SSO_PROVIDER_ID = "sso";

export type TSsoClaims = Record<string, unknown> & { sub: string; iss?: string };

export function ssoProvider(config: TSsoConfig): OAuthConfig<TSsoClaims> {
  return {
    id: SSO_PROVIDER_ID,
    name: config.name ?? "SSO",
    type: "oauth",
    wellKnown: wellKnownUrl(config.issuer),
    // openid-client checks every ID token's `iss` against this.
    issuer: config.issuer,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    authorization: { params: { scope: config.scopes } },
    // The profile is the verified ID token's claims (where providers put groups), not userinfo.
    idToken: true,
    // A stolen authorization code, a forged callback and a replayed ID token are each refused.
    checks: ["pkce", "state", "nonce"],
    profile(claims) {
      const name = typeof claims.name === "string" ? claims.name : typeof claims.preferred_username === "string" ? claims.preferred_username : null;
      return { id: claims.sub, name, email: typeof claims.email === "string" ? claims.email : null };
    },
  };
}
