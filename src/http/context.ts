// Per-request services built once from env and put on the context.
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";
import { loadConfig } from "../env";
import { getDb } from "../db/client";

export const requestContext: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set("config", loadConfig(c.env));
  c.set("db", getDb(c.env.DB));
  c.set("now", Date.now());
  await next();
};

/** The client's IP as Cloudflare reports it. */
export function clientIp(req: Request): string {
  return req.headers.get("cf-connecting-ip") ?? req.headers.get("x-real-ip") ?? "0.0.0.0";
}

/** Public origin for links we hand out: PUBLIC_BASE_URL when set, else the request's own origin. */
export function publicOrigin(configured: string | undefined, requestUrl: string): string {
  return (configured ?? new URL(requestUrl).origin).replace(/\/+$/, "");
}
