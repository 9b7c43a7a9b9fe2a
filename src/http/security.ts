// Secure headers for every answer (body limits are in body-limits.tsx).
import { secureHeaders } from "hono/secure-headers";

export const securityHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    imgSrc: ["'self'", "data:"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    scriptSrc: ["'self'", "https://challenges.cloudflare.com"],
    // 'self': the asset editor's live preview frame (whose own answer allows only our pages to frame it).
    frameSrc: ["'self'", "https://challenges.cloudflare.com"],
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

/**
 * The asset editor's preview of a landing page: framed by our own pages only, no script, and a form that cannot be
 * submitted (it would be a real capture).
 */
export const PREVIEW_HEADERS = {
  "content-security-policy": [
    "default-src 'none'",
    "img-src 'self' data:",
    "style-src 'unsafe-inline'",
    "form-action 'none'",
    "frame-ancestors 'self'",
    "base-uri 'none'",
  ].join("; "),
  "x-frame-options": "SAMEORIGIN",
  "cache-control": "private, no-store",
  "x-robots-tag": "noindex",
};
