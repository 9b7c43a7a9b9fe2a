// POST /admin/leads/{id}/accept (outcomes.write): the owner accepts a routed lead from its page.
import type { Context, Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { readAdminForm } from "../../http/admin-form";
import { audit, noChange } from "../../http/audit";
import { acceptOwnedLead } from "../../services/routing/accept";

/**
 * Whom this session accepts as: a teammate with the sales role only their own leads (their person id); an
 * admin, or a token's session (a CRM's), for whoever owns it (null).
 */
export function acceptingAs(c: Context<AppEnv>): number | null {
  const s = c.get("admin");
  if (s.roles.includes("admin") || s.actor.kind !== "person") return null;
  return s.actor.id;
}

export function registerLeadAccept(app: Hono<AppEnv>) {
  app.post("/leads/:id{[0-9]+}/accept", async (c) => {
    await readAdminForm(c);
    const id = Number(c.req.param("id"));
    const out = await acceptOwnedLead(c.get("db"), id, acceptingAs(c), c.get("now"));
    if (out.accepted)
      await audit(c, {
        action: "lead.accept",
        subject: { type: "lead", id },
        before: { owner_id: out.ownerId, accepted: false },
        after: { owner_id: out.ownerId, accepted: true },
      });
    else noChange(c);
    return c.redirect(`/admin/leads/${id}?accepted=1`, 303);
  });
}
