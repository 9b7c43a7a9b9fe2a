// GET /r/{code}: a lead's share link. Sends the colleague to the asset with the sharer attributed.
import type { Hono } from "hono";
import { eq, desc } from "drizzle-orm";
import type { AppEnv } from "../../env";
import { leads, touches, assets } from "../../db/schema";
import { REFERRAL_CODE } from "../../domain/referral-code";
import { findPublishedAsset } from "../../services/assets/find-asset";
import { notFoundPage } from "./notices";

export function registerReferral(app: Hono<AppEnv>) {
  app.get("/r/:code", async (c) => {
    const db = c.get("db");
    const code = c.req.param("code").toLowerCase();
    const to = c.req.query("to");
    const sharer = REFERRAL_CODE.test(code) ? await db.query.leads.findFirst({ columns: { id: true }, where: eq(leads.referralCode, code) }) : undefined;
    let slug: string | null = null;
    if (to && (await findPublishedAsset(db, to))) slug = to;
    if (!slug && sharer) {
      // No (valid) target given: the asset the sharer most recently came through.
      const [latest] = await db
        .select({ slug: assets.slug })
        .from(touches)
        .innerJoin(assets, eq(assets.id, touches.assetId))
        .where(eq(touches.leadId, sharer.id))
        .orderBy(desc(touches.id))
        .limit(1);
      slug = latest?.slug ?? null;
    }
    if (!slug) return notFoundPage(c);
    const target = sharer ? `/p/${slug}?ref=${encodeURIComponent(code)}` : `/p/${slug}`;
    c.header("Cache-Control", "no-store");
    c.header("Referrer-Policy", "no-referrer");
    return c.redirect(target, 302);
  });
}
