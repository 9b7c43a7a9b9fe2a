/** @jsxImportSource hono/jsx */
// /admin/mail: the local mail sink's emails (the nurture service lists and reads them).
import type { Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { AppError } from "../../errors";
import { getCapturedMail, listCapturedMail } from "../../services/nurture/mail-sink";
import { linkOrigin } from "../../env";
import { MailDetailPage, MailPage } from "../../../templates/admin/pages/mail";

const PAGE = 50;

export function registerMailPage(app: Hono<AppEnv>) {
  app.get("/mail", async (c) => {
    const rows = await listCapturedMail(c.get("db"), {
      limit: PAGE + 1,
      before: Number(c.req.query("before")) || undefined,
    });
    const page = rows.slice(0, PAGE);
    const s = c.get("admin");
    return c.html(
      <MailPage
        locale={s.locale}
        csrf={s.csrf}
        rows={page}
        next={rows.length > PAGE ? page.at(-1)!.createdAt : null}
        sendingPaused={!linkOrigin(c.get("config")).ok}
      />,
    );
  });

  app.get("/mail/:id", async (c) => {
    const mail = await getCapturedMail(c.get("db"), c.req.param("id"));
    if (!mail) throw new AppError("NOT_FOUND", "No captured email has this id");
    const s = c.get("admin");
    return c.html(<MailDetailPage locale={s.locale} csrf={s.csrf} mail={mail} />);
  });

  // The email's own HTML as rendered for the recipient. The app-wide CSP (securityHeaders) applies to
  // it too: no inline or foreign script runs, and it cannot be framed.
  app.get("/mail/:id/html", async (c) => {
    const mail = await getCapturedMail(c.get("db"), c.req.param("id"));
    if (!mail?.html) throw new AppError("NOT_FOUND", "No HTML for this email");
    return c.body(mail.html, 200, { "content-type": "text/html; charset=utf-8" });
  });
}
