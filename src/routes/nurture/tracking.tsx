/** @jsxImportSource hono/jsx */
// GET /t/c/{token}: tracked click, redirecting only to the link the email carried. GET /t/o/{token}: open pixel.
// Each is judged a person's or a machine's (Apple's mail proxy, link scanners); a machine's is kept but never scored.
import type { Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { requestSignals } from "../../http/request-signals";
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

const count = (n: unknown) => (Number.isInteger(n) && (n as number) > 0 ? (n as number) : null);

export function registerTracking(app: Hono<AppEnv>) {
  app.get("/t/c/:token", async (c) => {
    const verified = await verifyLink<ClickClaims>(
      c.get("config").SIGNING_SECRET,
      "click",
      c.req.param("token"),
      c.get("now"),
    );
    // The target is inside the signature: only a link we put in an email can be a destination.
    if (!verified.ok || !Number.isInteger(verified.payload.s)) return invalidLinkPage(c);
    const { s: sendId, u: url, n, h } = verified.payload;
    const honeypot = h === 1;
    if (!honeypot && !isWebUrl(url)) return invalidLinkPage(c);
    const now = c.get("now");
    const tracked = await recordClick(
      c.get("db"),
      { sendId, url: honeypot ? null : url!, honeypot, linksInMessage: count(n) },
      requestSignals(c),
      now,
    );
    if (tracked?.verdict.by === "human") {
      // Scored twice over: as an email click, and as a tracked link (pricing/demo rules match its URL). Scored a
      // little later: a scanner walking the message may show itself with its next clicks, and then none count.
      const data = { url, send_id: sendId, event_id: tracked.eventId };
      const delaySeconds = c.get("config").CLICK_SCORE_DELAY_SECONDS;
      for (const type of ["email_clicked", "link_clicked"])
        await enqueueScoreEvent(c.env.JOBS, tracked.leadId, type, data, now, { delaySeconds });
    }
    c.header("Cache-Control", "no-store");
    c.header("Referrer-Policy", "no-referrer");
    // The hidden link leads nowhere: nobody is meant to be there.
    if (honeypot) return c.body(null, 204);
    // As the URL parser writes it: whatever the template held, nothing in it can split the Location header.
    return c.redirect(cleanWebUrl(url!)!, 302);
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
      const now = c.get("now");
      const tracked = await recordOpen(c.get("db"), verified.payload.s, requestSignals(c), now);
      // Apple's mail proxy fetching the pixel on delivery is not someone reading: it scores nothing.
      if (tracked?.eventId && tracked.verdict.by === "human")
        await enqueueScoreEvent(
          c.env.JOBS,
          tracked.leadId,
          "email_opened",
          { send_id: verified.payload.s, event_id: tracked.eventId },
          now,
        );
    }
    return c.body(PIXEL, 200, {
      "Content-Type": "image/gif",
      "Cache-Control": "no-store, private",
    });
  });
}
