// Response headers that keep injected script, framing and sniffing out
// (docs/decisions/051-security-headers.md). The static ones are set for every response by
// next.config.ts; the Content-Security-Policy carries a per-request nonce and HSTS depends on
// the scheme, so proxy.ts sets those two on every page and route handler.

export const STATIC_SECURITY_HEADERS: { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // For browsers that predate CSP's frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** Two years, subdomains included: sent only when the request came over https. */
export const HSTS = "max-age=63072000; includeSubDomains";

/**
 * Script runs only with this request's nonce ('strict-dynamic' lets Next's own chunks load
 * the rest); no 'unsafe-eval' outside development, where React's dev tools need it. Styles
 * allow inline attributes because charts and Next's font loader write them.
 */
export function contentSecurityPolicy(nonce: string, { dev = false, https = false } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** A fresh nonce: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
