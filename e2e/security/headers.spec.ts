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
