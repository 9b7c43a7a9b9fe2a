/** @jsxImportSource hono/jsx */
// POST /admin/login/email (mail me a link), GET /admin/login/link/{secret} (confirm page, reads only) and its
// POST (uses the link up, once, and signs in with the person's role).
import type { Context, Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { errorFields, log } from "../../platform/logger";
import { publicOrigin } from "../../http/context";
import { requestSignInLink, signInLinkIsLive, useSignInLink } from "../../services/access/sign-in";
import { landingPath } from "../../domain/dashboard-access";
import { permissionsOfRole } from "../../domain/permissions";
import { LoginPage } from "../../../templates/admin/pages/login";
import {
  CheckInboxPage,
  ConfirmSignInPage,
  LinkDeadPage,
} from "../../../templates/admin/pages/sign-in";
import { at } from "../../../templates/admin/messages";
import { pickLocale, signInAllowed, startSession } from "./login";

const LINK_PATH = "/admin/login/link";

/** The link's secret stays out of every cache (and its pages send no Referer: see the page's meta tag). */
function privatePage(c: Context<AppEnv>) {
  c.header("Cache-Control", "no-store");
}

export function registerSignInLink(app: Hono<AppEnv>) {
  app.post("/login/email", async (c) => {
    const body = await c.req.parseBody();
    const L = pickLocale(c, typeof body.locale === "string" ? body.locale : null);
    const email = typeof body.email === "string" ? body.email.trim().slice(0, 254) : "";
    if (!(await signInAllowed(c)))
      return c.html(
        <LoginPage locale={L} next="/admin" email={email} error={at(L, "login_rate_limited")} />,
        429,
      );
    // The lookup and the mail run after the answer: member or not, the page and its timing are the same.
    const linkBase = `${publicOrigin(c.get("config").PUBLIC_BASE_URL, c.req.url)}${LINK_PATH}`;
    c.executionCtx.waitUntil(
      requestSignInLink(
        c.get("db"),
        c.get("config"),
        { email, locale: L, linkBase },
        c.get("now"),
      ).catch((err) => log.error("sign-in link request failed", errorFields(err))),
    );
    privatePage(c);
    return c.html(<CheckInboxPage locale={L} email={email} />);
  });

  app.get("/login/link/:secret", async (c) => {
    const L = pickLocale(c, c.req.query("lang"));
    privatePage(c);
    const secret = c.req.param("secret");
    if (!(await signInLinkIsLive(c.get("db"), secret, c.get("now"))))
      return c.html(<LinkDeadPage locale={L} />, 410);
    return c.html(<ConfirmSignInPage locale={L} action={`${LINK_PATH}/${secret}`} />);
  });

  app.post("/login/link/:secret", async (c) => {
    const body = await c.req.parseBody();
    const L = pickLocale(c, typeof body.locale === "string" ? body.locale : null);
    privatePage(c);
    const person = await useSignInLink(c.get("db"), c.req.param("secret"), c.get("now"));
    if (!person) return c.html(<LinkDeadPage locale={L} />, 410);
    await startSession(c, { personId: person.id, role: person.role }, L);
    return c.redirect(landingPath("/admin", permissionsOfRole(person.role)), 303);
  });
}
