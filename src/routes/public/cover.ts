// GET /p/{slug}/cover and /brand/logo: a published asset's cover and the workspace logo from R2, cacheable.
import type { Hono } from "hono";
import { servedImage } from "../../http/served-image";
import type { AppEnv } from "../../http/app-env";
import { findPublishedAsset } from "../../services/assets/find-asset";
import { coverVersion } from "../../services/assets/asset-files";
import { logoVersion, loadSettings } from "../../services/settings/settings";
import { notFoundPage } from "./notices";

export function registerCover(app: Hono<AppEnv>) {
  app.get("/p/:slug/cover", async (c) => {
    const asset = await findPublishedAsset(c.get("db"), c.req.param("slug"));
    if (!asset?.coverKey || !asset.coverType) return notFoundPage(c);
    const current = c.req.query("v") === coverVersion(asset);
    const answer = await servedImage(
      c,
      asset.coverKey,
      asset.coverType,
      current ? "versioned" : "short",
    );
    return answer ?? notFoundPage(c);
  });
}

export function registerBrandLogo(app: Hono<AppEnv>) {
  app.get("/brand/logo", async (c) => {
    const s = await loadSettings(c.get("db"), c.get("now"));
    if (!s.logo) return notFoundPage(c);
    const current = c.req.query("v") === logoVersion(s);
    const answer = await servedImage(c, s.logo.key, s.logo.type, current ? "versioned" : "short");
    return answer ?? notFoundPage(c);
  });
}
