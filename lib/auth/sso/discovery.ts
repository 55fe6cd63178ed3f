// The identity provider's discovery document (OpenID Connect Discovery 1.0): fetched by "Test" in
// Admin → Settings, to show the admin that the issuer answers and is the one its tokens will name.
// next-auth fetches the same document itself at each sign-in.
import "server-only";
import { z } from "zod";

export const ZDiscovery = z.object({
  issuer: z.string(),
  authorization_endpoint: z.url(),
  token_endpoint: z.url(),
  jwks_uri: z.url(),
  scopes_supported: z.array(z.string()).optional(),
  claims_supported: z.array(z.string()).optional(),
});

export type TDiscoveryVerdict =
  /** The document is there and names this issuer. */
  | { verdict: "ok"; missingScopes: string[]; groupsClaim: string; groupsClaimListed: boolean | null }
  /** It answered, but not with a discovery document (wrong URL) or for another issuer. */
  | { verdict: "unexpected"; status: number | null; detail: "status" | "not_discovery" | "issuer_mismatch" }
  /** Nothing answered in time. */
  | { verdict: "unreachable" };

export function wellKnownUrl(issuer: string): string {
  return `${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`;
}

/** What a fetched document says about the configured issuer, scopes and groups claim. */
export function judgeDiscovery(status: number, body: unknown, expected: { issuer: string; scopes: string; groupsClaim: string }): TDiscoveryVerdict {
  if (status !== 200) return { verdict: "unexpected", status, detail: "status" };
  const parsed = ZDiscovery.safeParse(body);
  if (!parsed.success) return { verdict: "unexpected", status, detail: "not_discovery" };
  // ID tokens are checked against this exact string: a trailing slash too many refuses every sign-in.
  if (parsed.data.issuer !== expected.issuer) return { verdict: "unexpected", status, detail: "issuer_mismatch" };
  const supported = parsed.data.scopes_supported;
  const missingScopes = supported ? expected.scopes.split(" ").filter((scope) => !supported.includes(scope)) : [];
  const claims = parsed.data.claims_supported;
  return { verdict: "ok", missingScopes, groupsClaim: expected.groupsClaim, groupsClaimListed: claims ? claims.includes(expected.groupsClaim) : null };
}

/** GET {issuer}/.well-known/openid-configuration (no redirects followed, bounded in time). */
export async function fetchDiscovery(expected: { issuer: string; scopes: string; groupsClaim: string }, timeoutMs = 5_000): Promise<TDiscoveryVerdict> {
  let response: Response;
  try {
    response = await fetch(wellKnownUrl(expected.issuer), { redirect: "manual", signal: AbortSignal.timeout(timeoutMs), headers: { accept: "application/json" } });
  } catch {
    return { verdict: "unreachable" };
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  return judgeDiscovery(response.status, body, expected);
}
