// Who changed what, when: one row per change, with the record before and after (never a secret, never an
// erased person's data). Written only through src/store/audit-log.ts.
import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { id } from "./columns";
import { ACTOR_KINDS } from "../../domain/vocabulary";

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: id(),
    at: integer("at").notNull(),
    actorKind: text("actor_kind", { enum: ACTOR_KINDS }).notNull(),
    /** The person's or token's id; null for the bootstrap ADMIN_TOKEN. */
    actorId: integer("actor_id"),
    /** The actor as people read it at the time: "Ann <ann@acme.test>", "token CRM sync", "ADMIN_TOKEN". */
    actorLabel: text("actor_label").notNull(),
    /** What was done, e.g. asset.update, person.role_change, lead.erase. */
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id"),
    before: text("before", { mode: "json" }).$type<Record<string, unknown> | null>(),
    after: text("after", { mode: "json" }).$type<Record<string, unknown> | null>(),
  },
  (t) => [index("audit_log_subject").on(t.subjectType, t.subjectId, t.id)],
);

export type AuditRow = typeof auditLog.$inferSelect;
export type NewAuditRow = typeof auditLog.$inferInsert;
