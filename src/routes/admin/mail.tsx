/** @jsxImportSource hono/jsx */
// /admin/mail: the local mail sink's emails (the nurture service lists and reads them).
import type { Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { AppError } from "../../errors";
import { getCapturedMail, listCapturedMail } from "../../services/nurture/mail-sink";
import { capturedHtml } from "../../services/nurture/captured-html";
import { SANDBOXED_HTML_HEADERS } from "../../http/security";
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
      />,
    );
  });

  app.get("/mail/:id", async (c) => {
    const mail = await getCapturedMail(c.get("db"), c.req.param("id"));
    if (!mail) throw new AppError("NOT_FOUND", "No captured email has this id");
    const s = c.get("admin");
    return c.html(<MailDetailPage locale={s.locale} csrf={s.csrf} mail={mail} />);
  });

  // The email's own HTML as the recipient would see it, made inert and served in a CSP sandbox:
  // anyone who can reach the sink wrote it, so nothing in it may run.
  app.get("/mail/:id/html", async (c) => {
    const html = await capturedHtml(c.get("db"), c.req.param("id"));
    if (html === null) throw new AppError("NOT_FOUND", "No HTML for this email");
    return c.body(html, 200, SANDBOXED_HTML_HEADERS);
  });
}
