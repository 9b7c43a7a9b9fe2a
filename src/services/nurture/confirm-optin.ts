// Double opt-in: the lead clicked the confirmation, so the drip starts now from step one.
import { sql } from "drizzle-orm";
import type { Db } from "../../env";
import { batch } from "../../store/batch";
import type { SendWindow } from "../../db/schema";
import { stepDueAt } from "./schedule";
import { windowTimeZone } from "./lead-time-zone";

export type OptinResult = "confirmed" | "already_confirmed" | "stopped" | "unknown";

interface OptinFacts {
  status: string;
  lead_id: number;
  asset_id: number;
  country: string | null;
  asset_tz: string;
  anchor: "enrolment" | "session_start" | null;
  delay_minutes: number | null;
  send_window: string | null;
  starts_at: number | null;
}

export async function confirmOptin(db: Db, enrolmentId: number, now: number): Promise<OptinResult> {
  const [f] = await db.all<OptinFacts>(sql`
    SELECT e.status, e.lead_id, e.asset_id, l.country, a.timezone AS asset_tz, st.anchor, st.delay_minutes, st.send_window, cs.starts_at
    FROM enrolments e JOIN leads l ON l.id = e.lead_id JOIN assets a ON a.id = e.asset_id
    LEFT JOIN sequence_steps st ON st.sequence_id = e.sequence_id AND st.position = 1
    LEFT JOIN course_sessions cs ON cs.id = e.session_id
    WHERE e.id = ${enrolmentId}`);
  if (!f) return "unknown";
  if (f.status === "stopped") return "stopped";
  if (f.status !== "pending_optin") return "already_confirmed";
  const window = f.send_window ? (JSON.parse(f.send_window) as SendWindow) : null;
  const due = f.anchor
    ? (stepDueAt({ anchor: f.anchor, delayMinutes: f.delay_minutes!, sendWindow: window }, { startedAt: now, sessionStartsAt: f.starts_at, timeZone: windowTimeZone(window?.timezone ?? "asset", f.country, f.asset_tz) }) ?? now)
    : null;
  await batch(db, [
    sql`
      UPDATE enrolments SET status = ${due === null ? "completed" : "active"}, next_position = 1, next_due_at = ${due}, started_at = ${now}, updated_at = ${now}
      WHERE id = ${enrolmentId} AND status = 'pending_optin'`,
    sql`INSERT INTO events (lead_id, asset_id, type, at, data) VALUES (${f.lead_id}, ${f.asset_id}, 'optin_confirmed', ${now}, json_object('enrolment_id', ${enrolmentId}))`,
  ]);
  return "confirmed";
}
