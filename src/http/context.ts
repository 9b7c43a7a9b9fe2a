// Per request: the context built once (db, config, clock, logger), the x-request-id, and one JSON log line.
import type { Context, MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import type { AppEnv } from "./app-env";
import { createContext, requestIdOf } from "../platform/context";
import { addLogFields, log, withLogScope } from "../platform/logger";
import { rateLimitSubject } from "../domain/ip-address";

export const requestContext: MiddlewareHandler<AppEnv> = async (c, next) => {
  const started = Date.now();
  const requestId = requestIdOf(c.req.raw);
  c.set("requestId", requestId);
  c.header("x-request-id", requestId);
  await withLogScope({ request_id: requestId, method: c.req.method }, async () => {
    try {
      const ctx = createContext(c.env, requestId, started);
      c.set("ctx", ctx);
      c.set("config", ctx.config);
      c.set("db", ctx.db);
      c.set("now", ctx.now);
      await next();
    } finally {
      // The matched route (e.g. /p/:slug), never the raw path: paths carry tokens and emails.
      addLogFields({ route: routePath(c, -1) });
      const status = c.res.status;
      const fields = { status, duration_ms: Date.now() - started };
      if (status >= 500) log.error("request failed", fields);
      else log.info("request", fields);
    }
  });
  // Error pages and 404s are built after this middleware returns: they carry the id too.
  c.header("x-request-id", requestId);
};

/**
 * The client's IP, or null when it cannot be known. Only Cloudflare's edge writes CF-Connecting-IP
 * (replacing whatever the client sent), so it is read only when BEHIND_CLOUDFLARE says requests come
 * that way; anywhere else (npm start) any client could write it, and X-Real-IP always.
 */
export function clientIp(c: Context<AppEnv>): string | null {
  if (!c.get("config").BEHIND_CLOUDFLARE) return null;
  return c.req.header("cf-connecting-ip")?.trim() || null;
}

/** The key of one client for a rate limit: an IPv4 address, an IPv6 /64, or one shared "unknown". */
export function clientLimitKey(c: Context<AppEnv>, scope: string): string {
  return `${scope}:${rateLimitSubject(clientIp(c))}`;
}

/** Public origin for links we hand out: PUBLIC_BASE_URL when set, else the request's own origin. */
export function publicOrigin(configured: string | undefined, requestUrl: string): string {
  return (configured ?? new URL(requestUrl).origin).replace(/\/+$/, "");
}

/** The visitor's country as Cloudflare reports it on the request (null when it does not). */
export function requestCountry(req: Request): string | null {
  return (req as Request & { cf?: { country?: string } }).cf?.country ?? null;
}
