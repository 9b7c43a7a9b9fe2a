// Sends as the cron tick plans them (one per enrolment and step), and each step's performance for the asset page.
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../env";

/** One email step of an asset's drip, counted from the send ledger. */
export type StepPerformanceRow = {
  stepId: number;
  position: number | null;
  template: string | null;
  sent: number;
  delivered: number;
  /** Sends opened or clicked by a person; by a machine (Apple's mail proxy, a link scanner), counted apart. */
  opened: number;
  clicked: number;
  machineOpened: number;
  machineClicked: number;
  bounced: number;
};

/** Per step of an asset's drip: how many of its sends went out, arrived, were opened, clicked (by people, by machines) or bounced. */
export async function stepPerformanceRows(db: Db, assetId: number): Promise<StepPerformanceRow[]> {
  // Raw: sums of SQLite boolean expressions, grouped per step.
  return db.all<StepPerformanceRow>(sql`
    SELECT s.step_id AS "stepId", st.position, st.template,
      sum(s.status IN ('sent', 'delivered', 'bounced', 'complained')) AS sent, sum(s.status = 'delivered') AS delivered,
      sum(s.opened_at IS NOT NULL) AS opened, sum(s.clicked_at IS NOT NULL) AS clicked,
      sum(s.machine_opened_at IS NOT NULL) AS "machineOpened", sum(s.machine_clicked_at IS NOT NULL) AS "machineClicked",
      sum(s.status IN ('bounced', 'complained')) AS bounced
    FROM sends s LEFT JOIN sequence_steps st ON st.id = s.step_id WHERE s.asset_id = ${assetId}
    GROUP BY s.step_id ORDER BY st.position, s.step_id`);
}

// The nurture tick writes a send only while its enrolment still sits at the position and due time the tick read; the
// advance that follows in the same batch (one transaction) moves it on, so an overlapping tick writes nothing for that
// step. This guard is what keeps (enrolment, step) unique: there is no unique index to pay for on every insert.
interface PlannedSendRow {
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
export type InsertedSendRow = {
  id: number;
  enrolment_id: number;
  step_id: number;
  status: string;
  batch_key: string | null;
};

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
