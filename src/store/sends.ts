// The send ledger: one row per (enrolment, step), from queued to delivered, opened, clicked or failed.
import { asc, gt, sql, type SQL } from "drizzle-orm";
import type { Db } from "../env";
import { sends, type EventType, type Lead, type Send, type SendStatus } from "../db/schema";
import { statement } from "./batch";
import { recordEventsFrom } from "./events";

// Lists of ids travel as one JSON parameter (json_each) rather than one bound value each: D1 binds at most 100.
const idList = (ids: number[]) => sql`(SELECT value FROM json_each(${JSON.stringify(ids)}))`;

/** One queued send with everything needed to write its email, as the consumer reads it. */
export interface SendRow {
  id: number; enrolment_id: number; step_id: number; lead_id: number; asset_id: number; batch_key: string; attempts: number; created_at: number;
  enrolment_status: string;
  email: string; name: string | null; locale: string; country: string | null; referral_code: string; erased_at: number | null;
  template: string | null; position: number | null;
  slug: string; title: string; asset_tz: string; kind: string;
  session_starts_at: number | null; session_tz: string | null;
}

/** The still-queued sends of a queue message, joined to everything their emails need (with D1's row meters). */
export function queuedSendsToDeliver(db: Db, ids: number[]): Promise<D1Result<SendRow>> {
  // Raw: a six-table join over a json_each id list.
  return statement(db.$client, sql`
  SELECT s.id, s.enrolment_id, s.step_id, s.lead_id, s.asset_id, s.batch_key, s.attempts, s.created_at,
    e.status AS enrolment_status, l.email, l.name, l.locale, l.country, l.referral_code, l.erased_at,
    st.template, st.position, a.slug, a.title, a.timezone AS asset_tz, a.kind,
    cs.starts_at AS session_starts_at, cs.timezone AS session_tz
  FROM sends s
  JOIN enrolments e ON e.id = s.enrolment_id
  JOIN leads l ON l.id = s.lead_id
  JOIN assets a ON a.id = s.asset_id
  LEFT JOIN sequence_steps st ON st.id = s.step_id
  LEFT JOIN course_sessions cs ON cs.id = e.session_id
  WHERE s.id IN ${idList(ids)} AND s.status = 'queued'`).all<SendRow>();
}

/** What one delivery attempt settled for a send; `key` is a new Idempotency-Key when a refused batch was split. */
export interface SendSettlement {
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
        batch_key = coalesce(j.value ->> 'key', batch_key), attempts = attempts + (j.value ->> 'tries'),
        last_error = j.value ->> 'error', updated_at = ${now}
      FROM json_each(${JSON.stringify(updates)}) j WHERE sends.id = j.value ->> 'id' AND sends.status = 'queued'`;
}

/** email_failed for each of these sends that a delivery failed while still queued (before settleSends in the batch). */
export function failedDeliveryEvents(ids: number[], now: number): SQL {
  return recordEventsFrom({
    type: "email_failed", at: now, leadId: sql`s.lead_id`, assetId: sql`s.asset_id`, data: sql`json_object('send_id', s.id, 'step_id', s.step_id)`,
    from: sql`FROM sends s WHERE s.id IN ${idList(ids)} AND s.status = 'queued'`,
  });
}

/** email_failed, with the last error, for each of these sends still queued whose message ran out of retries. */
export function outOfRetriesEvents(ids: number[], now: number): SQL {
  return recordEventsFrom({
    type: "email_failed", at: now, leadId: sql`lead_id`, assetId: sql`asset_id`, data: sql`json_object('send_id', id, 'step_id', step_id, 'error', last_error)`,
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

// Raw below: batch statements (store/batch takes SQL) with coalesce and IS NULL guards.
export const markSendClicked = (sendId: number, now: number): SQL =>
  sql`UPDATE sends SET clicked_at = coalesce(clicked_at, ${now}), updated_at = ${now} WHERE id = ${sendId}`;
export const markSendOpened = (sendId: number, now: number): SQL =>
  sql`UPDATE sends SET opened_at = coalesce(opened_at, ${now}), updated_at = ${now} WHERE id = ${sendId}`;
/** Only the first open of a send counts. */
export const markFirstOpen = (sendId: number, now: number): SQL =>
  sql`UPDATE sends SET opened_at = ${now}, updated_at = ${now} WHERE id = ${sendId} AND opened_at IS NULL`;
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

/** Our own tracking's click or first open as an event of the send's lead; RETURNING the lead, none when nothing was logged. */
export function trackedSendEvent(sendId: number, e: { type: "email_clicked"; url: string; at: number } | { type: "email_opened"; at: number }): SQL {
  const data = e.type === "email_clicked"
    ? sql`json_object('send_id', id, 'step_id', step_id, 'url', ${e.url}, 'source', 'lodestone')`
    : sql`json_object('send_id', id, 'step_id', step_id, 'source', 'lodestone')`;
  const from = e.type === "email_clicked" ? sql`FROM sends WHERE id = ${sendId}` : sql`FROM sends WHERE id = ${sendId} AND opened_at IS NULL`;
  return recordEventsFrom({ type: e.type, at: e.at, leadId: sql`lead_id`, assetId: sql`asset_id`, data, from, returning: sql`lead_id` });
}

/** An event of the send's lead with data already serialised (Resend's webhooks). */
export function sendEvent(sendId: number, type: EventType, data: string, at: number): SQL {
  return recordEventsFrom({ type, at, leadId: sql`lead_id`, assetId: sql`asset_id`, data: sql`${data}`, from: sql`FROM sends WHERE id = ${sendId}` });
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
export async function sendForResendEvent(db: Db, resendId: string, taggedId: number): Promise<(Pick<Send, "id" | "leadId"> & Pick<Lead, "email">) | undefined> {
  // Raw: the OR keeps each side on its own index (the partial resend_id index, the primary key).
  const [row] = await db.all<Pick<Send, "id" | "leadId"> & Pick<Lead, "email">>(sql`
    SELECT s.id, s.lead_id AS "leadId", l.email FROM sends s JOIN leads l ON l.id = s.lead_id
    WHERE s.resend_id = ${resendId} OR (s.id = ${taggedId} AND s.resend_id IS NULL) LIMIT 1`);
  return row;
}

export type StepPerformanceRow = { stepId: number; position: number | null; template: string | null; sent: number; delivered: number; opened: number; clicked: number; bounced: number };

/** Per step of an asset's drip: how many of its sends went out, arrived, were opened, clicked or bounced. */
export async function stepPerformanceRows(db: Db, assetId: number): Promise<StepPerformanceRow[]> {
  // Raw: sums of SQLite boolean expressions, grouped per step.
  return db.all<StepPerformanceRow>(sql`
    SELECT s.step_id AS "stepId", st.position, st.template,
      sum(s.status IN ('sent', 'delivered', 'bounced', 'complained')) AS sent, sum(s.status = 'delivered') AS delivered,
      sum(s.opened_at IS NOT NULL) AS opened, sum(s.clicked_at IS NOT NULL) AS clicked, sum(s.status IN ('bounced', 'complained')) AS bounced
    FROM sends s LEFT JOIN sequence_steps st ON st.id = s.step_id WHERE s.asset_id = ${assetId}
    GROUP BY s.step_id ORDER BY st.position, s.step_id`);
}

// The nurture tick writes a send only while its enrolment still sits at the position and due time the tick read; the
// advance that follows in the same batch (one transaction) moves it on, so an overlapping tick writes nothing for that
// step. This guard is what keeps (enrolment, step) unique: there is no unique index to pay for on every insert.
export interface PlannedSendRow {
  e: number; // enrolment
  st: number; // step id (0 = opt-in confirmation)
  l: number;
  a: number;
  status: "queued" | "skipped";
  err: string | null;
  k: string | null; // batch key
  op: number; // the enrolment's position and due time as read
  od: number;
}

/** What insertPlannedSends returns: the sends this tick wrote (none for a step another tick got to first). */
export type InsertedSendRow = { id: number; enrolment_id: number; step_id: number; status: string; batch_key: string | null };

export function insertPlannedSends(rows: PlannedSendRow[], now: number): SQL {
  // Raw: INSERT…SELECT from json_each, guarded by a join on the enrolment as read.
  return sql`
  INSERT INTO sends (enrolment_id, step_id, lead_id, asset_id, status, batch_key, last_error, attempts, created_at, updated_at)
  SELECT j.value ->> 'e', j.value ->> 'st', j.value ->> 'l', j.value ->> 'a', j.value ->> 'status', j.value ->> 'k', j.value ->> 'err', 0, ${now}, ${now}
  FROM json_each(${JSON.stringify(rows)}) j
  JOIN enrolments e ON e.id = j.value ->> 'e' AND e.next_position = j.value ->> 'op' AND e.next_due_at = j.value ->> 'od'
  RETURNING id, enrolment_id, step_id, status, batch_key`;
}

/** A tick's sends whose queue message could not be sent (s: send, e: enrolment, st: step), removed while still queued. */
export function deleteUnsentSends(rows: { s: number; e: number; st: number }[]): SQL {
  // Raw: the ids come from a json_each list.
  return sql`DELETE FROM sends WHERE id IN (SELECT j.value ->> 's' FROM json_each(${JSON.stringify(rows)}) j) AND status = 'queued'`;
}

export type ScannedSend = Pick<Send, "id" | "enrolmentId" | "stepId" | "status" | "batchKey" | "requeues" | "createdAt" | "updatedAt">;

/** The stranded-send sweep's walk of the ledger: sends after the cursor, by primary key. */
export async function sendsAfter(db: Db, afterId: number, limit: number): Promise<ScannedSend[]> {
  return db
    .select({ id: sends.id, enrolmentId: sends.enrolmentId, stepId: sends.stepId, status: sends.status, batchKey: sends.batchKey, requeues: sends.requeues, createdAt: sends.createdAt, updatedAt: sends.updatedAt })
    .from(sends)
    .where(gt(sends.id, afterId))
    .orderBy(asc(sends.id))
    .limit(limit);
}

/** Which stranded sends a sweep acts on: still queued, untouched since `cutoff`; given up once requeued too often or too old. */
export interface StrandedCut {
  ids: number[];
  cutoff: number;
  maxRequeues: number;
  queuedBefore: number;
}
// Raw: the same guard in three statements of one batch, over a json_each id list.
const stranded = (c: StrandedCut) => sql`id IN ${idList(c.ids)} AND status = 'queued' AND updated_at <= ${c.cutoff}`;
const givenUp = (c: StrandedCut) => sql`(requeues >= ${c.maxRequeues} OR created_at <= ${c.queuedBefore})`;

export function strandedGiveUpEvents(c: StrandedCut, now: number): SQL {
  return recordEventsFrom({
    type: "email_failed", at: now, leadId: sql`lead_id`, assetId: sql`asset_id`, data: sql`json_object('send_id', id, 'step_id', step_id, 'error', 'stranded')`,
    from: sql`FROM sends WHERE ${stranded(c)} AND ${givenUp(c)}`,
  });
}

export function giveUpStrandedSends(c: StrandedCut, now: number): SQL {
  return sql`
      UPDATE sends SET status = 'failed', updated_at = ${now},
        last_error = 'stranded: no queue message after ' || requeues || ' re-queues; last error: ' || coalesce(last_error, 'none')
      WHERE ${stranded(c)} AND ${givenUp(c)}`;
}

/** Claiming moves updated_at to now, so the same send is not queued again next minute, nor by an overlapping sweep. */
export function claimStrandedSends(c: StrandedCut, now: number): SQL {
  return sql`
      UPDATE sends SET requeues = requeues + 1, updated_at = ${now}
      WHERE ${stranded(c)} AND NOT ${givenUp(c)}
      RETURNING id, enrolment_id AS "enrolmentId", step_id AS "stepId", batch_key AS "batchKey"`;
}

/** Gives claims back (u: the updated_at before the claim) when their queue message could not be sent. */
export async function releaseStrandedClaims(db: Db, claims: { id: number; u: number }[], now: number): Promise<void> {
  // Raw: UPDATE…FROM json_each, restoring each row's own updated_at.
  await statement(db.$client, sql`
        UPDATE sends SET requeues = requeues - 1, updated_at = j.value ->> 'u'
        FROM json_each(${JSON.stringify(claims)}) j WHERE sends.id = j.value ->> 'id' AND sends.status = 'queued' AND sends.updated_at = ${now}`).run();
}
