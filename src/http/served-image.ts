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
  const object = await c.env.FILES.get(key);
  if (!object) return null;
  const headers = new Headers({
    "Content-Type": type,
    "Cache-Control": CACHE[cache],
    ETag: object.httpEtag,
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    // Emails and link previews load it from other origins.
    "Cross-Origin-Resource-Policy": "cross-origin",
  });
  if (c.req.header("if-none-match") === object.httpEtag) {
    object.body.cancel();
    return new Response(null, { status: 304, headers });
  }
  headers.set("Content-Length", String(object.size));
  return new Response(object.body, { headers });
}
