// The audit log (audit_log): the one writer of who changed what, and its pages for the API and the dashboard.
import { and, count, desc, eq, gte, lt } from "drizzle-orm";
import type { Db } from "../env";
import { auditLog, type AuditRow, type NewAuditRow } from "../db/schema";

export type { AuditRow };

export async function insertAuditRow(db: Db, row: NewAuditRow): Promise<void> {
  await db.insert(auditLog).values(row);
}

/** Newest first, before an id; one row more than `limit` tells there is a next page. */
export async function auditPage(
  db: Db,
  opts: { limit: number; before?: number; subjectType?: string; subjectId?: string },
): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditLog)
    .where(
      and(
        opts.before ? lt(auditLog.id, opts.before) : undefined,
        opts.subjectType ? eq(auditLog.subjectType, opts.subjectType) : undefined,
        opts.subjectId ? eq(auditLog.subjectId, opts.subjectId) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(opts.limit + 1);
}

/** How many entries of this action were recorded since `since` (a limit on actions such as test sends). */
export async function actionsSince(db: Db, action: string, since: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), gte(auditLog.at, since)));
  return row?.n ?? 0;
}
