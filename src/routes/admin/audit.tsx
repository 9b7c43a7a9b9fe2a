/** @jsxImportSource hono/jsx */
// GET /admin/audit (admins only): the audit log, newest first, 50 a page, optionally for one kind of record.
import type { Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { chromeOf } from "../../http/admin-guard";
import { listAudit } from "../../services/access/audit";
import { changedFields } from "../../domain/audit";
import { AuditPage } from "../../../templates/admin/pages/audit";

export function registerAuditPage(app: Hono<AppEnv>) {
  app.get("/audit", async (c) => {
    const subjectType = c.req.query("subject_type")?.trim().slice(0, 50) || undefined;
    const { rows, nextCursor } = await listAudit(c.get("ctx").readDb, {
      limit: 50,
      cursor: Number(c.req.query("cursor")) || undefined,
      subjectType,
    });
    const s = c.get("admin");
    return c.html(
      <AuditPage
        locale={s.locale}
        csrf={s.csrf}
        chrome={chromeOf(s)}
        entries={rows.map((row) => ({ row, changes: changedFields(row.before, row.after) }))}
        nextCursor={nextCursor}
        subjectType={subjectType}
      />,
    );
  });
}
