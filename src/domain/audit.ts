// The audit log's words: who acted (a person, a token, the bootstrap ADMIN_TOKEN) and what changed in a record.
import type { ActorKind } from "./vocabulary";

export interface Actor {
  kind: ActorKind;
  /** The person's or token's id; null for the bootstrap ADMIN_TOKEN. */
  id: number | null;
  /** How people read it, fixed at the time of the change. */
  label: string;
}

export const BOOTSTRAP_ACTOR: Actor = { kind: "bootstrap", id: null, label: "ADMIN_TOKEN" };

export function personActor(p: { id: number; email: string; name: string | null }): Actor {
  return { kind: "person", id: p.id, label: p.name ? `${p.name} <${p.email}>` : p.email };
}

export function tokenActor(t: { id: number; name: string }): Actor {
  return { kind: "token", id: t.id, label: `token ${t.name}` };
}

export type AuditRecord = Record<string, unknown> | null;

/** One change: what was done, to which record, and the record before and after (null where it did not exist). */
export interface AuditEntry {
  action: string;
  subject: { type: string; id: string | number | null };
  before?: AuditRecord;
  after?: AuditRecord;
}

/** The fields that differ between before and after, in a stable order, for reading a change at a glance. */
export function changedFields(
  before: AuditRecord,
  after: AuditRecord,
): { field: string; before: unknown; after: unknown }[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].sort();
  return keys
    .map((field) => ({ field, before: before?.[field], after: after?.[field] }))
    .filter((c) => JSON.stringify(c.before) !== JSON.stringify(c.after));
}
