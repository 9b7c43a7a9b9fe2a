// Bearer-token auth for the JSON API: scoped tokens stored as SHA-256 hashes; ADMIN_TOKEN bootstraps. A token's
// scopes are roles (src/domain/permissions.ts): each route asks for one permission of that same table.
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "./app-env";
import { AppError } from "../errors";
import type { Scope } from "../db/schema";
import { sha256Hex } from "../domain/encoding";
import { permissionsOfScopes, type Permission } from "../domain/permissions";
import { BOOTSTRAP_ACTOR, tokenActor, type Actor } from "../domain/audit";
import { findLiveToken, noteTokenUse } from "../services/access/tokens";

export interface Principal {
  tokenId: number | null; // null for the bootstrap ADMIN_TOKEN
  scopes: Scope[];
  /** Who the audit log names for what this token changes. */
  actor: Actor;
}

declare module "hono" {
  interface ContextVariableMap {
    principal: Principal;
  }
}

/** Compares two secrets in time independent of where they differ. */
export async function sameSecret(a: string, b: string): Promise<boolean> {
  const [ha, hb] = await Promise.all([sha256Hex(a), sha256Hex(b)]);
  let diff = 0;
  for (let i = 0; i < ha.length; i++) diff |= ha.charCodeAt(i) ^ hb.charCodeAt(i);
  return diff === 0;
}

/** Resolves a presented token to its principal, or null. Records last use at most once a minute. */
export async function resolveToken(c: Context<AppEnv>, token: string): Promise<Principal | null> {
  if (!token || token.length > 256) return null;
  if (await sameSecret(token, c.get("config").ADMIN_TOKEN))
    return { tokenId: null, scopes: ["admin"], actor: BOOTSTRAP_ACTOR };
  const db = c.get("db");
  const row = await findLiveToken(db, token);
  if (!row) return null;
  const now = c.get("now");
  if (!row.lastUsedAt || now - row.lastUsedAt > 60_000) {
    c.executionCtx.waitUntil(noteTokenUse(db, row.id, now));
  }
  return { tokenId: row.id, scopes: row.scopes, actor: tokenActor(row) };
}

/**
 * Requires a bearer token whose scopes hold `permission`.
 * 401 without a valid token, 403 without the permission, 429 past the per-token rate limit.
 */
export function requirePermission(permission: Permission): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const principal = match ? await resolveToken(c, match[1]!) : null;
    if (!principal) {
      c.header("WWW-Authenticate", 'Bearer realm="lodestone"');
      throw new AppError(
        "UNAUTHORIZED",
        match
          ? "The API token is not valid or was revoked"
          : "An API token is required (Authorization: Bearer …)",
      );
    }
    if (!permissionsOfScopes(principal.scopes).has(permission))
      throw new AppError(
        "FORBIDDEN",
        `This token's scopes (${principal.scopes.join(", ")}) do not include ${permission}`,
      );
    const { success } = await c.env.API_LIMITER.limit({
      key: `api:${principal.tokenId ?? "bootstrap"}`,
    });
    if (!success)
      throw new AppError("RATE_LIMITED", "Too many requests for this token; slow down", {
        retryAfter: 60,
      });
    c.set("principal", principal);
    await next();
  };
}
