// The audit log: who changed what, when, with the record before and after; read newest first in pages.
import type { Db } from "../../env";
import { auditPage, insertAuditRow, type AuditRow } from "../../store/audit-log";
import type { Actor, AuditEntry } from "../../domain/audit";

export type { AuditRow };

export async function recordAudit(db: Db, actor: Actor, entry: AuditEntry, now: number) {
  await insertAuditRow(db, {
    at: now,
    actorKind: actor.kind,
    actorId: actor.id,
    actorLabel: actor.label,
    action: entry.action,
    subjectType: entry.subject.type,
    subjectId: entry.subject.id === null ? null : String(entry.subject.id),
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

export async function listAudit(
  db: Db,
  opts: { limit: number; cursor?: number; subjectType?: string; subjectId?: string },
): Promise<{ rows: AuditRow[]; nextCursor: number | null }> {
  const rows = await auditPage(db, { ...opts, before: opts.cursor });
  const page = rows.slice(0, opts.limit);
  return { rows: page, nextCursor: rows.length > opts.limit ? page.at(-1)!.id : null };
}
