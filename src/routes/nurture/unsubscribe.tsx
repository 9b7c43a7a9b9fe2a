/** @jsxImportSource hono/jsx */
// GET /u/{token}: the confirm page. POST /u/{token}: RFC 8058 one-click unsubscribe — 200, no CSRF check, no login.
import { suppressionSecret } from "../../env";
import type { Context, Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { verifyLink } from "../../domain/signed-link";
import type { UnsubscribeClaims } from "../../services/nurture/links";
import { leadLocale, unsubscribeLead } from "../../services/nurture/suppress";
import { NoticePage } from "../../../templates/pages/notice";
import { UnsubscribePage } from "../../../templates/pages/unsubscribe";
import { isLocale, t } from "../../../templates/i18n";
import { browserLocale, invalidLinkPage } from "../public/notices";

async function claims(c: Context<AppEnv>) {
  const verified = await verifyLink<UnsubscribeClaims>(
    c.get("config").SIGNING_SECRET,
    "unsubscribe",
    c.req.param("token")!,
    c.get("now"),
  );
  return verified.ok ? verified.payload : null;
}

async function localeFor(c: Context<AppEnv>, leadId: number) {
  const locale = await leadLocale(c.get("db"), leadId);
  return isLocale(locale) ? locale : browserLocale(c);
}

export function registerUnsubscribe(app: Hono<AppEnv>) {
  app.get("/u/:token", async (c) => {
    const claim = await claims(c);
    if (!claim) return invalidLinkPage(c);
    c.header("Cache-Control", "no-store");
    // A GET never unsubscribes: link scanners open every link in a mailbox.
    return c.html(
      <UnsubscribePage locale={await localeFor(c, claim.l)} action={new URL(c.req.url).pathname} />,
      200,
    );
  });
  app.post("/u/:token", async (c) => {
    const claim = await claims(c);
    if (!claim) return invalidLinkPage(c);
    await unsubscribeLead(
      c.get("db"),
      claim.l,
      claim.s,
      c.get("now"),
      suppressionSecret(c.get("config")),
    );
    const L = await localeFor(c, claim.l);
    return c.html(
      <NoticePage locale={L} title={t(L, "unsubscribed_title")} text={t(L, "unsubscribed_text")} />,
      200,
    );
  });
}
