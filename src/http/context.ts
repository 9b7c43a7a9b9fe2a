// Per request: the context built once (db, config, clock, logger), the x-request-id, and one JSON log line.
import type { MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import type { AppEnv } from "./app-env";
import { createContext, requestIdOf } from "../platform/context";
import { addLogFields, log, withLogScope } from "../platform/logger";

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

/** The client's IP as Cloudflare reports it. */
export function clientIp(req: Request): string {
  return req.headers.get("cf-connecting-ip") ?? req.headers.get("x-real-ip") ?? "0.0.0.0";
}

/** Public origin for links we hand out: PUBLIC_BASE_URL when set, else the request's own origin. */
export function publicOrigin(configured: string | undefined, requestUrl: string): string {
  return (configured ?? new URL(requestUrl).origin).replace(/\/+$/, "");
}

/** The visitor's country as Cloudflare reports it on the request (null when it does not). */
export function requestCountry(req: Request): string | null {
  return (req as Request & { cf?: { country?: string } }).cf?.country ?? null;
}
