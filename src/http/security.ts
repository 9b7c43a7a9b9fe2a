// Secure headers for every answer (body limits are in body-limits.tsx).
import { secureHeaders } from "hono/secure-headers";

export const securityHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    imgSrc: ["'self'", "data:"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    scriptSrc: ["'self'", "https://challenges.cloudflare.com"],
    frameSrc: ["https://challenges.cloudflare.com"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    objectSrc: ["'none'"],
  },
  referrerPolicy: "strict-origin-when-cross-origin",
  crossOriginEmbedderPolicy: false,
  // A route that sets one of these itself (the sandboxed mail view, no-referrer redirects) keeps its own.
  overwrite: false,
});

/**
 * For HTML Lodestone did not write (captured email): a sandbox with no scripts, forms, frames or
 * top navigation, and nothing loaded but inline styles and images from https or data: URLs.
 */
export const SANDBOXED_HTML_CSP = [
  "sandbox",
  "default-src 'none'",
  "img-src https: data:",
  "style-src 'unsafe-inline'",
  "font-src https: data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join("; ");

export const SANDBOXED_HTML_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "content-security-policy": SANDBOXED_HTML_CSP,
  "cache-control": "no-store",
};
