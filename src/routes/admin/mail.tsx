/** @jsxImportSource hono/jsx */
// /admin/mail: the local mail sink's emails (the nurture service lists and reads them); teammates' mail
// (sign-in links are keys to accounts) only for admins.
import type { Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { can, chromeOf } from "../../http/admin-guard";
import { AppError } from "../../errors";
import { getCapturedMail, listCapturedMail } from "../../services/nurture/mail-sink";
import { linkOrigin } from "../../env";
import { capturedHtml } from "../../services/nurture/captured-html";
import { SANDBOXED_HTML_HEADERS } from "../../http/security";
import { MailDetailPage, MailPage } from "../../../templates/admin/pages/mail";

const PAGE = 50;

export function registerMailPage(app: Hono<AppEnv>) {
  app.get("/mail", async (c) => {
    const rows = await listCapturedMail(c.get("db"), {
      withTeamMail: can(c, "people.manage"),
      limit: PAGE + 1,
      before: Number(c.req.query("before")) || undefined,
    });
    const page = rows.slice(0, PAGE);
    const s = c.get("admin");
    return c.html(
      <MailPage
        locale={s.locale}
        csrf={s.csrf}
        chrome={chromeOf(s)}
        rows={page}
        next={rows.length > PAGE ? page.at(-1)!.createdAt : null}
        sendingPaused={!linkOrigin(c.get("config")).ok}
      />,
    );
  });

  app.get("/mail/:id", async (c) => {
    const mail = await getCapturedMail(c.get("db"), c.req.param("id"), {
      withTeamMail: can(c, "people.manage"),
    });
    if (!mail) throw new AppError("NOT_FOUND", "No captured email has this id");
    const s = c.get("admin");
    return c.html(
      <MailDetailPage locale={s.locale} csrf={s.csrf} chrome={chromeOf(s)} mail={mail} />,
    );
  });

  // The email's own HTML as the recipient would see it, made inert and served in a CSP sandbox:
  // anyone who can reach the sink wrote it, so nothing in it may run.
  app.get("/mail/:id/html", async (c) => {
    const html = await capturedHtml(c.get("db"), c.req.param("id"), {
      withTeamMail: can(c, "people.manage"),
    });
    if (html === null) throw new AppError("NOT_FOUND", "No HTML for this email");
    return c.body(html, 200, SANDBOXED_HTML_HEADERS);
  });
}
