/** @jsxImportSource hono/jsx */
// /admin/links: the link builder. Makes a tagged landing URL through the same service as POST /api/v1/links.
import type { Context, Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { chromeOf } from "../../http/admin-guard";
import { readAdminForm } from "../../http/admin-form";
import { audit, actorOf } from "../../http/audit";
import { linkRecord } from "../../http/audit-records";
import { publicOrigin } from "../../http/context";
import { fieldErrors, fieldErrorsOf } from "../../errors";
import { assetOptions } from "../../services/assets/asset-options";
import { listLinks, makeLink, type LinkInput } from "../../services/links/links";
import { LINK_PRESET_NAMES } from "../../domain/tagged-link";
import { linkInput } from "../api/links/schemas";
import { LinksPage } from "../../../templates/admin/pages/links";
import { COPY_LINK_SCRIPT_PATH } from "../../../templates/admin/scripts/copy-link";

async function render(
  c: Context<AppEnv>,
  extra: { values?: Record<string, string>; errors?: Record<string, string[]>; made?: number },
  status: 200 | 400 = 200,
) {
  const db = c.get("db");
  const [assets, links] = await Promise.all([assetOptions(db), listLinks(db)]);
  const s = c.get("admin");
  return c.html(
    <LinksPage
      locale={s.locale}
      csrf={s.csrf}
      chrome={chromeOf(s)}
      assets={assets}
      presets={LINK_PRESET_NAMES}
      links={links}
      made={extra.made ? links.find((l) => l.id === extra.made) : undefined}
      values={extra.values}
      errors={extra.errors}
      copyScript={COPY_LINK_SCRIPT_PATH}
    />,
    status,
  );
}

/** The form's strings as the API's body: blanks left out, the asset id a number. */
function bodyOf(fields: Record<string, string>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const k of ["preset", "utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term"])
    if (fields[k]?.trim()) body[k] = fields[k];
  if (!body.utm_campaign) body.utm_campaign = "";
  body.asset_id = Number(fields.asset_id);
  return body;
}

export function registerLinksPage(app: Hono<AppEnv>) {
  app.get("/links", (c) => render(c, { made: Number(c.req.query("made")) || undefined }));

  app.post("/links", async (c) => {
    const { fields } = await readAdminForm(c);
    const parsed = linkInput.safeParse(bodyOf(fields));
    if (!parsed.success)
      return render(c, { values: fields, errors: fieldErrors(parsed.error) }, 400);
    try {
      const row = await makeLink(c.get("db"), parsed.data as LinkInput, {
        origin: publicOrigin(c.get("config").PUBLIC_BASE_URL, c.req.url),
        actor: actorOf(c)!,
        now: c.get("now"),
      });
      await audit(c, {
        action: "link.create",
        subject: { type: "link", id: row.id },
        before: null,
        after: linkRecord(row),
      });
      return c.redirect(`/admin/links?made=${row.id}`, 303);
    } catch (err) {
      const errors = fieldErrorsOf(err);
      if (errors) return render(c, { values: fields, errors }, 400);
      throw err;
    }
  });
}
