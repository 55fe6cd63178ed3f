// The Content-Security-Policy of every page. Scripts run only from our origin and only when they
// carry this response's nonce: Next.js streams inline bootstrap scripts, and a per-request nonce
// lets exactly those run where `'unsafe-inline'` would let any injected script run too.
// `'strict-dynamic'` extends the trust to the chunks those scripts load. Styles keep
// `'unsafe-inline'`: Radix positions popovers with style attributes, which a nonce cannot cover,
// and a style cannot run code.

/** A fresh, unguessable nonce: 16 random bytes, base64. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

const COMMON = [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
];

/**
 * The policy of a page rendered with `nonce`. The development server evaluates source maps with
 * eval, so `'unsafe-eval'` is added there and only there.
 */
export function pagePolicy(nonce: string, development = false): string {
  const scripts = `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`;
  return [scripts, ...COMMON].join("; ");
}

