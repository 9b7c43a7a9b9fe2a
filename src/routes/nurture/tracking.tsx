/** @jsxImportSource hono/jsx */
// GET /t/c/{token}: tracked click, redirecting only to the link the email carried. GET /t/o/{token}: open pixel.
import type { Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { verifyLink } from "../../domain/signed-link";
import type { ClickClaims, OpenClaims } from "../../services/nurture/links";
import { recordClick, recordOpen } from "../../services/nurture/track";
import { enqueueScoreEvent } from "../../services/scoring/apply-event";
import { invalidLinkPage } from "../public/notices";
import { cleanWebUrl } from "../../domain/header-value";

// The smallest transparent GIF.
const PIXEL = Uint8Array.from(
  atob("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"),
  (ch) => ch.charCodeAt(0),
);

const isWebUrl = (u: unknown): u is string => typeof u === "string" && cleanWebUrl(u) !== null;

export function registerTracking(app: Hono<AppEnv>) {
  app.get("/t/c/:token", async (c) => {
    const verified = await verifyLink<ClickClaims>(
      c.get("config").SIGNING_SECRET,
      "click",
      c.req.param("token"),
      c.get("now"),
    );
    // The target is inside the signature: only a link we put in an email can be a destination.
    if (!verified.ok || !isWebUrl(verified.payload.u) || !Number.isInteger(verified.payload.s)) {
      return invalidLinkPage(c);
    }
    const now = c.get("now");
    const leadId = await recordClick(c.get("db"), verified.payload.s, verified.payload.u, now);
    if (leadId !== null) {
      // Scored twice over: as an email click, and as a tracked link (pricing/demo rules match its URL).
      await enqueueScoreEvent(
        c.env.JOBS,
        leadId,
        "email_clicked",
        { url: verified.payload.u, send_id: verified.payload.s },
        now,
      );
      await enqueueScoreEvent(
        c.env.JOBS,
        leadId,
        "link_clicked",
        { url: verified.payload.u, send_id: verified.payload.s },
        now,
      );
    }
    c.header("Cache-Control", "no-store");
    c.header("Referrer-Policy", "no-referrer");
    // As the URL parser writes it: whatever the template held, nothing in it can split the Location header.
    return c.redirect(cleanWebUrl(verified.payload.u)!, 302);
  });

  app.get("/t/o/:token", async (c) => {
    const verified = await verifyLink<OpenClaims>(
      c.get("config").SIGNING_SECRET,
      "open",
      c.req.param("token"),
      c.get("now"),
    );
    // A bad token still gets the image (a broken image helps nobody) but records nothing.
    if (verified.ok && Number.isInteger(verified.payload.s)) {
      const leadId = await recordOpen(c.get("db"), verified.payload.s, c.get("now"));
      if (leadId !== null)
        await enqueueScoreEvent(
          c.env.JOBS,
          leadId,
          "email_opened",
          { send_id: verified.payload.s },
          c.get("now"),
        );
    }
    return c.body(PIXEL, 200, {
      "Content-Type": "image/gif",
      "Cache-Control": "no-store, private",
    });
  });
}
