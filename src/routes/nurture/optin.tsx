/** @jsxImportSource hono/jsx */
// GET /optin/{token}: the double opt-in confirmation page. POST /optin/{token}: confirms; the drip starts from step one.
// Mail security scanners GET every link in a message, so a GET only asks; the person's press of the button confirms.
import type { Context, Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { verifyLink } from "../../domain/signed-link";
import type { OptinClaims } from "../../services/nurture/links";
import { confirmOptin } from "../../services/nurture/confirm-optin";
import { NoticePage } from "../../../templates/pages/notice";
import { ConfirmOptinPage } from "../../../templates/pages/confirm-optin";
import { t } from "../../../templates/i18n";
import { browserLocale, invalidLinkPage } from "../public/notices";

/** The enrolment the link confirms, or the page that says why it cannot. */
async function claimOrRefusal(c: Context<AppEnv>) {
  const L = browserLocale(c);
  const verified = await verifyLink<OptinClaims>(
    c.get("config").SIGNING_SECRET,
    "optin",
    c.req.param("token")!,
    c.get("now"),
  );
  if (verified.ok) return { L, enrolmentId: verified.payload.e };
  const refusal =
    verified.reason === "expired"
      ? c.html(
          <NoticePage locale={L} title={t(L, "expired_title")} text={t(L, "optin_expired_text")} />,
          410,
        )
      : invalidLinkPage(c, 403, L);
  return { L, refusal };
}

export function registerOptin(app: Hono<AppEnv>) {
  app.get("/optin/:token", async (c) => {
    const claim = await claimOrRefusal(c);
    if (claim.refusal) return claim.refusal;
    c.header("Cache-Control", "no-store");
    return c.html(<ConfirmOptinPage locale={claim.L} action={new URL(c.req.url).pathname} />, 200);
  });

  app.post("/optin/:token", async (c) => {
    const { L, enrolmentId, refusal } = await claimOrRefusal(c);
    if (refusal) return refusal;
    const result = await confirmOptin(c.get("db"), enrolmentId!, c.get("now"));
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
