// Serving an image Lodestone stored in R2 (a cover, the logo) with cache headers and conditional requests.
import type { Context } from "hono";
import type { AppEnv } from "./app-env";

const CACHE = {
  versioned: "public, max-age=31536000, immutable",
  short: "public, max-age=300",
  private: "private, no-cache",
};

/**
 * An image from R2 with cache headers: a URL naming the current version (`?v=`) never changes, so it is cached for a
 * year; any other public URL of it for 5 minutes; a dashboard's copy is private. A matching If-None-Match answers 304.
 */
export async function servedImage(
  c: Context<AppEnv>,
  key: string,
  type: string,
  cache: "versioned" | "short" | "private",
): Promise<Response | null> {
  const headersOf = (etag: string) =>
    new Headers({
      "Content-Type": type,
      "Cache-Control": CACHE[cache],
      ETag: etag,
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      // Emails and link previews load it from other origins.
      "Cross-Origin-Resource-Policy": "cross-origin",
    });
  const asked = c.req.header("if-none-match");
  if (asked) {
    const head = await c.env.FILES.head(key);
    if (head && head.httpEtag === asked)
      return new Response(null, { status: 304, headers: headersOf(asked) });
  }
  const object = await c.env.FILES.get(key);
  if (!object) return null;
  const headers = headersOf(object.httpEtag);
  headers.set("Content-Length", String(object.size));
  return new Response(object.body, { headers });
}
