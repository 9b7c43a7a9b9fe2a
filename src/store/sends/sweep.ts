// The stranded-send sweep's reads and writes: the walk of the ledger by id, claims, give-ups and releases.
import { asc, gt, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../env";
import { sends, type Send } from "../../db/schema";
import { statement } from "../batch";
import { recordEventsFrom } from "../events";
import { idList } from "./shared";

export type ScannedSend = Pick<
  Send,
  "id" | "enrolmentId" | "stepId" | "status" | "batchKey" | "requeues" | "createdAt" | "updatedAt"
>;

/** The stranded-send sweep's walk of the ledger: sends after the cursor, by primary key. */
export async function sendsAfter(db: Db, afterId: number, limit: number): Promise<ScannedSend[]> {
  return db
    .select({
      id: sends.id,
      enrolmentId: sends.enrolmentId,
      stepId: sends.stepId,
      status: sends.status,
      batchKey: sends.batchKey,
      requeues: sends.requeues,
      createdAt: sends.createdAt,
      updatedAt: sends.updatedAt,
    })
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
const stranded = (c: StrandedCut) =>
  sql`id IN ${idList(c.ids)} AND status = 'queued' AND updated_at <= ${c.cutoff}`;
const givenUp = (c: StrandedCut) =>
  sql`(requeues >= ${c.maxRequeues} OR created_at <= ${c.queuedBefore})`;

export function strandedGiveUpEvents(c: StrandedCut, now: number): SQL {
  return recordEventsFrom({
    type: "email_failed",
    at: now,
    leadId: sql`lead_id`,
    assetId: sql`asset_id`,
    data: sql`json_object('send_id', id, 'step_id', step_id, 'error', 'stranded')`,
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
export async function releaseStrandedClaims(
  db: Db,
  claims: { id: number; u: number }[],
  now: number,
): Promise<void> {
  // Raw: UPDATE…FROM json_each, restoring each row's own updated_at.
  await statement(
    db.$client,
    sql`
        UPDATE sends SET requeues = requeues - 1, updated_at = j.value ->> 'u'
        FROM json_each(${JSON.stringify(claims)}) j WHERE sends.id = j.value ->> 'id' AND sends.status = 'queued' AND sends.updated_at = ${now}`,
  ).run();
}
