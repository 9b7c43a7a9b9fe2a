// Values that become HTTP or email headers: one line, no control characters; redirects only to our own paths.

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g;
const LINE_BREAKS = /[\r\n\t\u0085\u2028\u2029]+/g;

/**
 * One line for a header (an email Subject, a file name): line breaks and tabs fold into one space,
 * other control characters go, runs of spaces shrink to one. Nothing typed can split a header.
 */
export function oneLineHeader(value: string): string {
  return value.replace(LINE_BREAKS, " ").replace(CONTROL, "").replace(/ {2,}/g, " ").trim();
}

/** Any character a header value or a URL path must never carry: C0 controls, DEL, and the backslash. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
const UNSAFE_IN_PATH = /[\x00-\x20\x7f\\]/;
const ORIGIN = "https://same-origin.invalid";

/**
 * A redirect target taken from a request (`next`): a path on our own origin under `within`, with its
 * query, exactly as the URL parser normalises it, or `fallback`. Refused rather than repaired: control
 * characters or spaces anywhere, backslashes (browsers read `/\evil` as `//evil`), scheme-relative
 * `//host`, absolute URLs, and dot segments that climb out of `within`.
 */
export function sameOriginPath(next: unknown, within: string, fallback: string): string {
  if (typeof next !== "string" || next.length > 2048 || UNSAFE_IN_PATH.test(next)) return fallback;
  if (!next.startsWith("/") || next.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(next, ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== ORIGIN) return fallback;
  if (url.pathname !== within && !url.pathname.startsWith(`${within}/`)) return fallback;
  return `${url.pathname}${url.search}`;
}

/** An absolute http(s) URL as the URL parser writes it (control characters removed, the rest encoded), or null. */
export function cleanWebUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.replace(CONTROL, ""));
  } catch {
    return null;
  }
  return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
}
