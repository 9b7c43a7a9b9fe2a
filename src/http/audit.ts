// Recording changes in the audit log from the route that made them, and a net under every mutating route:
// a successful change that recorded nothing is still logged (by route) and reported as a bug.
import type { Context, MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import type { AppEnv } from "./app-env";
import { log } from "../platform/logger";
import { recordAudit } from "../services/access/audit";
import type { Actor, AuditEntry } from "../domain/audit";

declare module "hono" {
  interface ContextVariableMap {
    /** Set once this request has recorded its change (or declared it made none). */
    audited: "recorded" | "no_change";
  }
}

/** Who is acting in this request: the dashboard session's person or token, or the API token. */
export function actorOf(c: Context<AppEnv>): Actor | null {
  return c.var.admin?.actor ?? c.var.principal?.actor ?? null;
}

/** Records one change made by this request's actor. Call it after the change succeeded. */
export async function audit(c: Context<AppEnv>, entry: AuditEntry): Promise<void> {
  const actor = actorOf(c);
  if (!actor) throw new Error(`No actor to record ${entry.action} against`);
  await recordAudit(c.get("db"), actor, entry, c.get("now"));
  c.set("audited", "recorded");
}

/** Declares that this successful request changed nothing the audit log keeps (a preview, a language switch). */
export function noChange(c: Context<AppEnv>): void {
  if (!c.var.audited) c.set("audited", "no_change");
}

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * After every mutating request by a signed-in session or a token: if it succeeded and recorded nothing,
 * write a bare entry naming the route (so the change is never untraced) and log the missing entry as an
 * error. tests/audit/coverage.test.ts fails for any route that needs this net.
 */
export const auditTrail: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (!MUTATING.has(c.req.method) || c.res.status >= 400 || c.var.audited) return;
  const actor = actorOf(c);
  if (!actor) return;
  const route = `${c.req.method} ${routePath(c, -1)}`;
  log.error("a change was made without an audit entry", { route });
  await recordAudit(
    c.get("db"),
    actor,
    {
      action: "unrecorded_change",
      subject: { type: "route", id: route },
      after: { status: c.res.status },
    },
    c.get("now"),
  );
};
