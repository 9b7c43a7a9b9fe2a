/** @jsxImportSource hono/jsx */
// GET /optin/{token}: the double opt-in confirmation; the drip starts from step one.
import type { Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { verifyLink } from "../../domain/signed-link";
import type { OptinClaims } from "../../services/nurture/links";
import { confirmOptin } from "../../services/nurture/confirm-optin";
import { NoticePage } from "../../../templates/pages/notice";
import { t } from "../../../templates/i18n";
import { browserLocale, invalidLinkPage } from "../public/notices";

export function registerOptin(app: Hono<AppEnv>) {
  app.get("/optin/:token", async (c) => {
    const L = browserLocale(c);
    const verified = await verifyLink<OptinClaims>(
      c.get("config").SIGNING_SECRET,
      "optin",
      c.req.param("token"),
      c.get("now"),
    );
    if (!verified.ok) {
      return verified.reason === "expired"
        ? c.html(
            <NoticePage
              locale={L}
              title={t(L, "expired_title")}
              text={t(L, "optin_expired_text")}
            />,
            410,
          )
        : invalidLinkPage(c, 403, L);
    }
    const result = await confirmOptin(c.get("db"), verified.payload.e, c.get("now"));
    if (result === "unknown") return invalidLinkPage(c, 404, L);
    // A stopped enrolment (unsubscribed meanwhile) stays stopped; the page does not pretend otherwise.
    if (result === "stopped")
      return c.html(
        <NoticePage
          locale={L}
          title={t(L, "unsubscribed_title")}
          text={t(L, "unsubscribed_text")}
        />,
        200,
      );
    return c.html(
      <NoticePage locale={L} title={t(L, "optin_title")} text={t(L, "optin_text")} />,
      200,
    );
  });
}
