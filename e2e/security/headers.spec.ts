// The security headers PRODUCT.md promises, read off the production build's real responses:
// pages get a nonce-based policy that changes per response, everything else a policy that allows
// nothing, every response HSTS, nosniff and a referrer policy, and no page with personal data is
// cached. A page signed in under that policy must still run its scripts (the table hydrates and
// polls), with no violation reported by the browser.
import { expect, test, type APIResponse } from "@playwright/test";
import { signInAs } from "../fixtures";

function directives(response: APIResponse): Map<string, string[]> {
  const policy = response.headers()["content-security-policy"];
  expect(policy, `${response.url()} has a Content-Security-Policy`).toBeTruthy();
  return new Map(policy!.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

function expectCommonHeaders(response: APIResponse) {
  const headers = response.headers();
  expect(headers["strict-transport-security"], response.url()).toMatch(/max-age=\d{7,}/);
  expect(headers["x-content-type-options"], response.url()).toBe("nosniff");
  expect(headers["referrer-policy"], response.url()).toBe("same-origin");
  const csp = directives(response);
  expect(csp.get("frame-ancestors"), response.url()).toEqual(["'none'"]);
  expect(csp.get("object-src"), response.url()).toEqual(["'none'"]);
  expect(csp.get("base-uri"), response.url()).toEqual(["'none'"]);
}

test("[SECURITY] every response carries the security headers; pages get a fresh script nonce and are never cached", async ({ page, request }) => {
  await signInAs(page, "officer");
  const pageNonces = new Set<string>();
  // The login page as a visitor sees it (signed in, it sends you to the queue).
  for (const [path, client] of [["/login", request], ["/queue", page.request], ["/queue", page.request], ["/account/password", page.request]] as const) {
    const response = await client.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(200);
    expectCommonHeaders(response);
    expect(response.headers()["cache-control"], path).toContain("no-store");
    const scripts = directives(response).get("script-src")!;
    expect(scripts, path).not.toContain("'unsafe-inline'");
    expect(scripts, path).not.toContain("'unsafe-eval'");
    const nonce = scripts.find((s) => s.startsWith("'nonce-"));
    expect(nonce, `${path} allows scripts by nonce`).toBeTruthy();
    // The nonce on the page's own scripts is the one in its header.
    expect(await response.text(), path).toContain(`nonce="${nonce!.slice(7, -1)}"`);
    pageNonces.add(nonce!);
  }
  expect(pageNonces.size, "each response has its own nonce").toBe(4);

  for (const path of ["/api/queue", "/api/v1/openapi.json", "/robots.txt"]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
    expectCommonHeaders(response);
    expect(directives(response).get("default-src"), path).toEqual(["'none'"]);
  }
  expect((await page.request.get("/api/queue")).headers()["cache-control"]).toContain("no-store");
});

test("[SECURITY] the queue runs under the policy with no violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`));
  });
  await signInAs(page, "officer");
  // The table polls /api/queue from the browser: a request proves React's scripts ran.
  const polled = page.waitForRequest((request) => new URL(request.url()).pathname === "/api/queue", { timeout: 30_000 });
  await page.goto("/queue");
  await expect(page.getByRole("table")).toBeVisible();
  await polled;
  expect(violations).toEqual([]);
});

test("[SECURITY] every response carries a Permissions-Policy that grants no device feature", async ({ page, request }) => {
  await signInAs(page, "officer");
  for (const [path, client] of [["/login", request], ["/queue", page.request], ["/api/queue", page.request], ["/robots.txt", request]] as const) {
    const policy = (await client.get(path, { maxRedirects: 0 })).headers()["permissions-policy"];
    expect(policy, path).toBeTruthy();
    for (const feature of ["camera", "microphone", "geolocation", "payment"]) expect(policy, path).toContain(`${feature}=()`);
  }
});

test("[SECURITY] a server action posted from another origin is refused with 403, not a 500", async ({ page }) => {
  await signInAs(page, "officer");
  for (const origin of ["https://evil.example", "null"]) {
    const response = await page.request.post("/queue", {
      headers: { "next-action": "0".repeat(42), origin, "content-type": "text/plain;charset=UTF-8" },
      data: "[]",
      maxRedirects: 0,
    });
    expect(response.status(), origin).toBe(403);
  }
});

/** The cookies a response sets, by name, each with its attribute line. */
function setCookies(response: APIResponse): Map<string, string> {
  const lines = response.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
  return new Map(lines.map((line) => [line.split("=")[0]!, line]));
}

test("[SECURITY] over https (a TLS proxy's X-Forwarded-Proto) the session cookie is Secure and __Secure- prefixed, and it is the one read", async ({ request }) => {
  const https = { "x-forwarded-proto": "https" };
  const csrf = await request.get("/api/auth/csrf", { headers: https });
  const csrfCookie = [...setCookies(csrf)].find(([name]) => name.includes("next-auth.csrf-token"));
  expect(csrfCookie?.[0]).toBe("__Host-next-auth.csrf-token");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signIn = await request.post("/api/auth/callback/credentials", {
    headers: { ...https, cookie: csrfCookie![1].split(";")[0]! },
    form: { username: "officer", password: "officer-demo-2026", csrfToken, json: "true" },
    maxRedirects: 0,
  });
  const session = setCookies(signIn).get("__Secure-next-auth.session-token");
  expect(session, "the session cookie has the __Secure- prefix").toBeTruthy();
  expect(session!.toLowerCase()).toContain("; secure");
  expect(session!.toLowerCase()).toContain("; httponly");
  // The pages read the same cookie: the queue opens with it (a fresh context has no cookie jar of its own here).
  const queue = await request.get("/queue", { headers: { ...https, cookie: session!.split(";")[0]! }, maxRedirects: 0 });
  expect(queue.status()).toBe(200);
});
