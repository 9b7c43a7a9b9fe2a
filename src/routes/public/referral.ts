// GET /r/{code}: a lead's share link. Sends the colleague to the asset with the sharer attributed.
import type { Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { referralTarget } from "../../services/capture/referral-target";
import { notFoundPage } from "./notices";

export function registerReferral(app: Hono<AppEnv>) {
  app.get("/r/:code", async (c) => {
    const target = await referralTarget(
      c.get("db"),
      c.req.param("code").toLowerCase(),
      c.req.query("to"),
    );
    if (!target) return notFoundPage(c);
    c.header("Cache-Control", "no-store");
    c.header("Referrer-Policy", "no-referrer");
    return c.redirect(target, 302);
  });
}
