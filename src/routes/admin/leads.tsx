/** @jsxImportSource hono/jsx */
// GET /admin/leads (filters, pages) and GET /admin/leads/{id} (timeline, why this score).
import { suppressionSecret } from "../../env";
import type { Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { chromeOf } from "../../http/admin-guard";
import { badRequest } from "../../errors";
import { leadFilter, listLeads } from "../../services/reports/lead-list";
import { loadLeadDetail } from "../../services/leads/lead-detail";
import { assetOptions } from "../../services/assets/asset-options";
import { LeadsPage } from "../../../templates/admin/pages/leads";
import { LeadDetailPage } from "../../../templates/admin/pages/lead-detail";
import { STAGES } from "../../db/schema";
import { at } from "../../../templates/admin/messages";
import { acceptingAs } from "./lead-accept";

export function registerLeads(app: Hono<AppEnv>) {
  app.get("/leads", async (c) => {
    const parsed = leadFilter.safeParse(c.req.query());
    if (!parsed.success) throw badRequest(parsed.error);
    // A list a read replica may serve; the lead's own page (after an edit) reads the primary.
    const db = c.get("ctx").readDb;
    const me = c.get("admin").actor;
    // "My leads" for a session that is no teammate (a token's) matches nobody.
    const owner_id = parsed.data.owner ? (me.kind === "person" ? me.id! : -1) : undefined;
    const [{ rows, nextCursor }, assets] = await Promise.all([
      listLeads(db, { ...parsed.data, owner_id, limit: Math.min(parsed.data.limit ?? 50, 200) }),
      assetOptions(db),
    ]);
    const s = c.get("admin");
    const query = new URL(c.req.url).search.slice(1);
    return c.html(
      <LeadsPage
        stages={STAGES}
        locale={s.locale}
        csrf={s.csrf}
        chrome={chromeOf(s)}
        filter={parsed.data}
        rows={rows}
        nextCursor={nextCursor}
        assets={assets}
        query={query}
        canImport={s.permissions.has("leads.import")}
      />,
    );
  });

  app.get("/leads/:id{[0-9]+}", async (c) => {
    const lead = await loadLeadDetail(
      c.get("db"),
      Number(c.req.param("id")),
      suppressionSecret(c.get("config")),
    );
    const s = c.get("admin");
    const as = acceptingAs(c);
    const owner = {
      canAccept: s.permissions.has("outcomes.write") && (as === null || lead.owner?.id === as),
      now: c.get("now"),
      message: c.req.query("accepted") ? at(s.locale, "accept_done") : undefined,
    };
    return c.html(
      <LeadDetailPage
        locale={s.locale}
        csrf={s.csrf}
        chrome={chromeOf(s)}
        lead={lead}
        owner={owner}
      />,
    );
  });
}
