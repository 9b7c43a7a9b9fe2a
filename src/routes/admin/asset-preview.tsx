/** @jsxImportSource hono/jsx */
// The asset editor's live preview: the real landing page template drawn from the form's current values (POST, from
// the editor's frame) or from the saved asset (GET), framed only by our own pages, with a form that cannot submit.
import type { Context, Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import type { Asset } from "../../db/schema";
import { AppError } from "../../errors";
import { readAdminForm } from "../../http/admin-form";
import { noChange } from "../../http/audit";
import { PREVIEW_HEADERS } from "../../http/security";
import { servedImage } from "../../http/served-image";
import { findAssetById, upcomingSession } from "../../services/assets/find-asset";
import { previewAsset } from "../../services/assets/preview-asset";
import { consentShown } from "../../services/consent/consent-shown";
import { brandOf, loadSettings } from "../../services/settings/settings";
import { GATE_CHOICES } from "../../domain/gate-form";
import { LandingPage } from "../../../templates/pages/landing";
import { at } from "../../../templates/admin/messages";

async function savedAsset(c: Context<AppEnv>): Promise<Asset> {
  const asset = await findAssetById(c.get("db"), Number(c.req.param("id")));
  if (!asset) throw new AppError("NOT_FOUND", at(c.get("admin").locale, "not_found"));
  return asset;
}

async function preview(c: Context<AppEnv>, asset: Asset) {
  const db = c.get("db");
  const now = c.get("now");
  const settings = await loadSettings(db, now);
  // The mode as the marketer chose it: a visitor where every mode is lawful (EU, UK, Swiss and Chinese visitors
  // get the optional box instead, as README "Consent" says).
  const consent = await consentShown(asset, settings, "US");
  const session =
    asset.kind === "course" && asset.id ? await upcomingSession(db, asset.id, now) : null;
  const origin = new URL(c.req.url).origin;
  const html = (
    <LandingPage
      choices={GATE_CHOICES}
      consent={consent.copy}
      asset={asset}
      brand={brandOf(settings, "")}
      coverUrl={asset.coverKey ? `/admin/assets/${asset.id}/cover` : null}
      session={session}
      canonical={`${origin}/p/${asset.slug}`}
      values={{}}
    />
  );
  return c.html(html, 200, PREVIEW_HEADERS);
}

export function registerAssetPreview(app: Hono<AppEnv>) {
  app.get("/assets/:id{[0-9]+}/preview", async (c) => preview(c, await savedAsset(c)));

  // The editor's form posted as it stands (files left out by the editor's script): a page, never a save.
  app.post("/assets/preview", async (c) => {
    const { fields } = await readAdminForm(c);
    noChange(c);
    return preview(c, previewAsset(fields, null, c.get("now")));
  });
  app.post("/assets/:id{[0-9]+}/preview", async (c) => {
    const { fields } = await readAdminForm(c);
    const before = await savedAsset(c);
    noChange(c);
    return preview(c, previewAsset(fields, before, c.get("now")));
  });

  // The saved cover, for the preview of an asset that is not published (its public cover answers only then).
  app.get("/assets/:id{[0-9]+}/cover", async (c) => {
    const asset = await savedAsset(c);
    const answer =
      asset.coverKey && asset.coverType
        ? await servedImage(c, asset.coverKey, asset.coverType, "private")
        : null;
    if (!answer) throw new AppError("NOT_FOUND", at(c.get("admin").locale, "not_found"));
    return answer;
  });
}
