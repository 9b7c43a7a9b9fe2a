// Sends as the consumer delivers them and Resend reports on them: read, settle, track, and the events they log.
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../env";
import type { EventType, Lead, Send, SendStatus } from "../../db/schema";
import { statement } from "../batch";
import { recordEventsFrom } from "../events";
import { idList } from "./shared";

/** One queued send with everything needed to write its email, as the consumer reads it. */
export interface SendRow {
  id: number;
  enrolment_id: number;
  step_id: number;
  lead_id: number;
  asset_id: number;
  batch_key: string;
  attempts: number;
  created_at: number;
  enrolment_status: string;
  email: string;
  name: string | null;
  company: string | null;
  locale: string;
  country: string | null;
  referral_code: string;
  erased_at: number | null;
  template: string | null;
  position: number | null;
  slug: string;
  title: string;
  asset_tz: string;
  kind: string;
  session_starts_at: number | null;
  session_tz: string | null;
  summary: string;
  session_id: number | null;
  session_duration: number | null;
  session_sequence: number | null;
  session_status: string | null;
}

/** The still-queued sends of a queue message, joined to everything their emails need (with D1's row meters). */
export function queuedSendsToDeliver(db: Db, ids: number[]): Promise<D1Result<SendRow>> {
  // Raw: a six-table join over a json_each id list.
  return statement(
    db.$client,
    sql`
  SELECT s.id, s.enrolment_id, s.step_id, s.lead_id, s.asset_id, s.batch_key, s.attempts, s.created_at,
    e.status AS enrolment_status, l.email, l.name, l.company, l.locale, l.country, l.referral_code, l.erased_at,
    st.template, st.position, a.slug, a.title, a.timezone AS asset_tz, a.kind,
    cs.starts_at AS session_starts_at, cs.timezone AS session_tz, a.summary, cs.id AS session_id,
    cs.duration_minutes AS session_duration, cs.calendar_sequence AS session_sequence, cs.status AS session_status
  FROM sends s
  JOIN enrolments e ON e.id = s.enrolment_id
  JOIN leads l ON l.id = s.lead_id
  JOIN assets a ON a.id = s.asset_id
  LEFT JOIN sequence_steps st ON st.id = s.step_id
  LEFT JOIN course_sessions cs ON cs.id = e.session_id
  WHERE s.id IN ${idList(ids)} AND s.status = 'queued'`,
  ).all<SendRow>();
}

/** What one delivery attempt settled for a send; `key` is a new Idempotency-Key when a refused batch was split. */
interface SendSettlement {
  id: number;
  status: Extract<SendStatus, "queued" | "sent" | "failed" | "skipped">;
  resendId?: string | null;
  key?: string;
  error: string | null;
  tries: number;
}

/** Every outcome of a delivery in one statement; rows already settled by someone else are left alone. */
export function settleSends(updates: SendSettlement[], now: number): SQL {
  // Raw: UPDATE…FROM json_each, one row of outcomes per send.
  return sql`
      UPDATE sends SET status = j.value ->> 'status', resend_id = coalesce(j.value ->> 'resendId', resend_id),
        sent_at = CASE WHEN j.value ->> 'status' = 'sent' THEN ${now} ELSE sent_at END,
        batch_key = coalesce(j.value ->> 'key', batch_key), attempts = attempts + (j.value ->> 'tries'),
        last_error = j.value ->> 'error', updated_at = ${now}
      FROM json_each(${JSON.stringify(updates)}) j WHERE sends.id = j.value ->> 'id' AND sends.status = 'queued'`;
}

/** email_failed for each of these sends that a delivery failed while still queued (before settleSends in the batch). */
export function failedDeliveryEvents(ids: number[], now: number): SQL {
  return recordEventsFrom({
    type: "email_failed",
    at: now,
    leadId: sql`s.lead_id`,
    assetId: sql`s.asset_id`,
    data: sql`json_object('send_id', s.id, 'step_id', s.step_id)`,
    from: sql`FROM sends s WHERE s.id IN ${idList(ids)} AND s.status = 'queued'`,
  });
}

/** email_failed, with the last error, for each of these sends still queued whose message ran out of retries. */
export function outOfRetriesEvents(ids: number[], now: number): SQL {
  return recordEventsFrom({
    type: "email_failed",
    at: now,
    leadId: sql`lead_id`,
    assetId: sql`asset_id`,
    data: sql`json_object('send_id', id, 'step_id', step_id, 'error', last_error)`,
    from: sql`FROM sends WHERE id IN ${idList(ids)} AND status = 'queued'`,
  });
}

/** Sends whose message ran out of retries: failed, keeping the last error seen. */
export function failSendsOutOfRetries(ids: number[], now: number): SQL {
  // Raw: the error message is built from the row's own attempts and last error.
  return sql`
      UPDATE sends SET status = 'failed', updated_at = ${now},
        last_error = 'gave up after ' || attempts || ' attempts: ' || coalesce(last_error, 'no answer recorded')
      WHERE id IN ${idList(ids)} AND status = 'queued'`;
}

// Raw below: batch statements (store/batch takes SQL) with status guards.
export const markSendDelivered = (sendId: number, now: number): SQL =>
  sql`UPDATE sends SET status = 'delivered', updated_at = ${now} WHERE id = ${sendId} AND status = 'sent'`;
export const markSendBounced = (sendId: number, message: string, now: number): SQL =>
  sql`UPDATE sends SET status = 'bounced', last_error = ${message}, updated_at = ${now} WHERE id = ${sendId} AND status IN ('sent', 'delivered')`;
export const markSendComplained = (sendId: number, now: number): SQL =>
  sql`UPDATE sends SET status = 'complained', updated_at = ${now} WHERE id = ${sendId} AND status IN ('sent', 'delivered', 'bounced')`;
export const markSendFailedAtResend = (sendId: number, reason: string, now: number): SQL =>
  sql`UPDATE sends SET status = 'failed', last_error = ${reason}, updated_at = ${now} WHERE id = ${sendId} AND status IN ('sent', 'delivered')`;
export const markSendDelayed = (sendId: number, now: number): SQL =>
  sql`UPDATE sends SET last_error = 'delivery delayed', updated_at = ${now} WHERE id = ${sendId}`;
export const attachResendId = (sendId: number, resendId: string): SQL =>
  sql`UPDATE sends SET resend_id = ${resendId} WHERE id = ${sendId} AND resend_id IS NULL`;

/** An event of the send's lead with data already serialised (Resend's webhooks). */
export function sendEvent(sendId: number, type: EventType, data: string, at: number): SQL {
  return recordEventsFrom({
    type,
    at,
    leadId: sql`lead_id`,
    assetId: sql`asset_id`,
    data: sql`${data}`,
    from: sql`FROM sends WHERE id = ${sendId}`,
  });
}

/** The lead's one unsubscribed event, on the asset of the send it came from (send 0: none). */
export function unsubscribedEvent(leadId: number, sendId: number, at: number): SQL {
  return recordEventsFrom({
    type: "unsubscribed",
    at,
    leadId: sql`${leadId}`,
    assetId: sql`(SELECT asset_id FROM sends WHERE id = ${sendId})`,
    data: sql`json_object('send_id', ${sendId || null})`,
    from: sql`WHERE NOT EXISTS (SELECT 1 FROM events WHERE lead_id = ${leadId} AND type = 'unsubscribed')`,
  });
}

/** The send a Resend event is about: by Resend's id, or by our tag while the id is not recorded yet. */
export async function sendForResendEvent(
  db: Db,
  resendId: string,
  taggedId: number,
): Promise<(Pick<Send, "id" | "leadId" | "sentAt"> & Pick<Lead, "email">) | undefined> {
  // Raw: the OR keeps each side on its own index (the partial resend_id index, the primary key).
  const [row] = await db.all<Pick<Send, "id" | "leadId" | "sentAt"> & Pick<Lead, "email">>(sql`
    SELECT s.id, s.lead_id AS "leadId", s.sent_at AS "sentAt", l.email FROM sends s JOIN leads l ON l.id = s.lead_id
    WHERE s.resend_id = ${resendId} OR (s.id = ${taggedId} AND s.resend_id IS NULL) LIMIT 1`);
  return row;
}

export function sendsOfLeadAsStored(leadId: number): SQL {
  return sql`SELECT * FROM sends WHERE lead_id = ${leadId} ORDER BY id`;
}
