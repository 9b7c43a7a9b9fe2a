// Data-subject requests: export everything held about a person; erase their personal data but keep counts and rollups.
import { sql } from "drizzle-orm";
import type { Db } from "../../env";
import { AppError } from "../../errors";
import { batch } from "../../store/batch";
import { emailHash } from "../../domain/email-address";

type Row = Record<string, unknown>;
const parseJson = (rows: Row[], ...cols: string[]) =>
  rows.map((r) =>
    Object.fromEntries(
      Object.entries(r).map(([k, v]) => [
        k,
        cols.includes(k) && typeof v === "string" ? safeJson(v) : v,
      ]),
    ),
  );
function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

/** Every row that names or describes the person, table by table, as stored. */
export async function exportLead(db: Db, leadId: number) {
  const [lead] = await db.all<Row & { email: string; erased_at: number | null }>(
    sql`SELECT * FROM leads WHERE id = ${leadId}`,
  );
  if (!lead) throw new AppError("NOT_FOUND", "No lead has this id");
  if (lead.erased_at !== null) throw new AppError("GONE", "This lead's personal data was erased");
  const hash = await emailHash(lead.email);
  const results = await batch<Row>(db, [
    sql`SELECT * FROM touches WHERE lead_id = ${leadId} ORDER BY id`,
    sql`SELECT * FROM events WHERE lead_id = ${leadId} ORDER BY at, id`,
    sql`SELECT * FROM score_ledger WHERE lead_id = ${leadId} ORDER BY at, id`,
    sql`SELECT * FROM stage_history WHERE lead_id = ${leadId} ORDER BY at, id`,
    sql`SELECT * FROM outcomes WHERE lead_id = ${leadId} ORDER BY at, id`,
    sql`SELECT * FROM enrolments WHERE lead_id = ${leadId} ORDER BY id`,
    sql`SELECT * FROM sends WHERE lead_id = ${leadId} ORDER BY id`,
    sql`SELECT id, message_id, endpoint_id, event_type, payload, status, attempts, created_at FROM webhook_deliveries WHERE lead_id = ${leadId} ORDER BY id`,
    sql`SELECT * FROM suppressions WHERE email_hash = ${hash}`,
    sql`SELECT id, subject, "to", created_at FROM captured_emails WHERE EXISTS (SELECT 1 FROM json_each(captured_emails."to") WHERE value = ${lead.email}) ORDER BY created_at`,
  ]);
  const [
    touches,
    events,
    ledger,
    stages,
    outcomes,
    enrolments,
    sends,
    deliveries,
    suppressions,
    mail,
  ] = results.map((r) => r.results);
  return {
    lead,
    touches: touches!,
    events: parseJson(events!, "data"),
    score_ledger: ledger!,
    stage_history: stages!,
    outcomes: outcomes!,
    enrolments: enrolments!,
    sends: sends!,
    webhook_deliveries: parseJson(deliveries!, "payload"),
    suppressions: suppressions!,
    captured_emails: parseJson(mail!, "to"),
  };
}

/**
 * Erases the person: profile fields cleared, email replaced by a placeholder (the unique index stays valid),
 * the address suppressed by its hash, event data, outcome notes and webhook payloads scrubbed, pending
 * deliveries and nurture stopped. Stage, score, touches' asset/channel/day and every rollup stay, so counts hold.
 */
export async function eraseLead(
  db: Db,
  leadId: number,
  now: number,
): Promise<{ erasedAt: number; already: boolean }> {
  const [lead] = await db.all<{ email: string; erased_at: number | null }>(
    sql`SELECT email, erased_at FROM leads WHERE id = ${leadId}`,
  );
  if (!lead) throw new AppError("NOT_FOUND", "No lead has this id");
  if (lead.erased_at !== null) return { erasedAt: lead.erased_at, already: true };
  const hash = await emailHash(lead.email);
  await batch(db, [
    sql`INSERT INTO suppressions (email_hash, reason, at) VALUES (${hash}, 'erased', ${now}) ON CONFLICT (email_hash) DO NOTHING`,
    sql`UPDATE leads SET email = 'erased:' || id, name = NULL, company = NULL, job_title = NULL, phone = NULL, company_size = NULL, country = NULL,
        consent_ip = NULL, erased_at = ${now}, scored_at = NULL, updated_at = ${now} WHERE id = ${leadId}`,
    sql`UPDATE touches SET landing_url = NULL, utm_term = NULL, utm_content = NULL, country = NULL WHERE lead_id = ${leadId}`,
    sql`UPDATE events SET data = NULL WHERE lead_id = ${leadId}`,
    sql`UPDATE outcomes SET reason = NULL WHERE lead_id = ${leadId}`,
    sql`UPDATE score_ledger SET reason = 'erased' WHERE lead_id = ${leadId} AND kind = 'award'`,
    sql`UPDATE webhook_attempts SET response_excerpt = NULL WHERE delivery_id IN (SELECT id FROM webhook_deliveries WHERE lead_id = ${leadId})`,
    sql`UPDATE webhook_deliveries SET payload = json_object('erased', json('true'), 'lead_id', lead_id),
        status = CASE WHEN status = 'pending' THEN 'failed' ELSE status END, next_attempt_at = NULL, updated_at = ${now} WHERE lead_id = ${leadId}`,
    sql`UPDATE enrolments SET status = 'stopped', stopped_reason = 'erased', next_due_at = NULL WHERE lead_id = ${leadId} AND status != 'stopped'`,
    sql`DELETE FROM captured_emails WHERE EXISTS (SELECT 1 FROM json_each(captured_emails."to") WHERE value = ${lead.email})`,
    sql`INSERT INTO events (lead_id, type, at, data) VALUES (${leadId}, 'erased', ${now}, NULL)`,
  ]);
  return { erasedAt: now, already: false };
}
