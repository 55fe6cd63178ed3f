// A real OpenID Connect provider on loopback for the single sign-on e2e: panva's oidc-provider
// (certified), with its development login and consent pages. Whoever signs in names their own
// login; the login's prefix decides the groups in their ID token, so every run can use fresh
// people (the e2e database outlives runs):
//   officer-…  → ["e2e-console-officers", "e2e-everyone"]
//   admin-…    → ["e2e-console-admins", "e2e-everyone"]
//   outsider-… → ["e2e-contractors", "e2e-everyone"]   (mapped to nothing)
// Never for production: the keys are made at start and any password is accepted.
import http from "node:http";
import Provider from "oidc-provider";

const port = Number(process.env.TEST_IDP_PORT ?? 4140);
const issuer = `http://127.0.0.1:${port}`;
const consoleUrl = process.env.TEST_IDP_CONSOLE_URL ?? "http://127.0.0.1:3100";

// The console's registration, as an admin would make it at the bank's provider (playwright.config.ts).
const client = { id: process.env.TEST_IDP_CLIENT_ID ?? "enrollment-console", secret: process.env.TEST_IDP_CLIENT_SECRET ?? "" };
if (client.secret === "") throw new Error("TEST_IDP_CLIENT_SECRET is required");

const GROUPS = {
  officer: ["e2e-console-officers", "e2e-everyone"],
  admin: ["e2e-console-admins", "e2e-everyone"],
  outsider: ["e2e-contractors", "e2e-everyone"],
};

function groupsOf(login) {
  const prefix = login.split("-")[0];
  return GROUPS[prefix] ?? [];
}

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: client.id,
      client_secret: client.secret,
      redirect_uris: [`${consoleUrl}/api/auth/callback/sso`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  claims: { openid: ["sub"], profile: ["name", "preferred_username"], email: ["email"], groups: ["groups"] },
  // Groups in the ID token itself, as Entra ID, Keycloak and Okta can be told to put them.
  conformIdTokenClaims: false,
  cookies: { keys: ["e2e-test-idp-cookie-key"] },
  async findAccount(_ctx, id) {
    return {
      accountId: id,
      async claims() {
        return { sub: id, name: `SSO ${id}`, preferred_username: id, email: `${id}@idp.test`, groups: groupsOf(id) };
      },
    };
  },
});

// Loopback http is what the test wants; oidc-provider would otherwise insist on https cookies.
provider.proxy = false;
http.createServer(provider.callback()).listen(port, "127.0.0.1", () => {
  console.log(`test identity provider at ${issuer}`);
});
