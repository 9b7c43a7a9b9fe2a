// What a cron tick does with each due enrolment: queue or skip its step, and when its next step is due.
import type { EnrolmentStatus, SendWindow, StepConditions } from "../../db/schema";
import { OPTIN_STEP_ID } from "../../db/schema";
import type { DueEnrolment } from "../../store/enrolments";
import { isQualified, skipReason } from "./conditions";
import { stepDueAt } from "./schedule";
import { windowTimeZone } from "./lead-time-zone";

/** One due enrolment as the tick reads it (store/enrolments.ts). */

export interface PlannedSend {
  e: number; // enrolment
  st: number; // step id (0 = opt-in confirmation)
  l: number;
  a: number;
  status: "queued" | "skipped";
  err: string | null;
}

interface PlannedAdvance {
  e: number;
  op: number; // the position and due time read, so a concurrent tick's write wins once
  od: number;
  p: number;
  d: number | null;
  s: EnrolmentStatus;
}

interface TickPlan {
  sends: PlannedSend[];
  advances: PlannedAdvance[];
}

function reasonToSkip(row: DueEnrolment, now: number): string | null {
  const conditions = (row.conditions ? JSON.parse(row.conditions) : {}) as StepConditions;
  const skip = skipReason(conditions, {
    downloaded: !!row.downloaded,
    clickedEarlierStep: !!row.clicked,
    qualified: isQualified(row.stage),
    attendance: row.attendance,
  });
  if (skip) return skip;
  if (row.step_anchor === "session_start") {
    if (row.session_starts_at === null) return "no_course_session";
    // A reminder before the session is pointless once it has started; a replay after it is not.
    if (row.step_delay! < 0 && now >= row.session_starts_at) return "session_already_started";
  }
  return null;
}

function nextDue(
  row: DueEnrolment,
  now: number,
): { p: number; d: number | null; s: EnrolmentStatus } {
  const p = row.next_position + 1;
  if (row.next_anchor === null) return { p, d: null, s: "completed" };
  const window = row.next_window ? (JSON.parse(row.next_window) as SendWindow) : null;
  const clock = {
    startedAt: row.started_at,
    sessionStartsAt: row.session_starts_at,
    timeZone: windowTimeZone(window?.timezone ?? "asset", row.country, row.asset_tz),
  };
  const due = stepDueAt(
    { anchor: row.next_anchor, delayMinutes: row.next_delay!, sendWindow: window },
    clock,
  );
  return { p, d: due ?? now, s: "active" };
}

export function planTick(rows: DueEnrolment[], now: number): TickPlan {
  const plan: TickPlan = { sends: [], advances: [] };
  for (const row of rows) {
    const base = { e: row.id, op: row.next_position, od: row.next_due_at };
    if (row.status === "pending_optin") {
      // The confirmation goes out now; the drip waits (no due time) until the lead clicks it.
      if (row.next_position === 0)
        plan.sends.push({
          e: row.id,
          st: OPTIN_STEP_ID,
          l: row.lead_id,
          a: row.asset_id,
          status: "queued",
          err: null,
        });
      plan.advances.push({ ...base, p: 1, d: null, s: "pending_optin" });
      continue;
    }
    if (row.status !== "active" || row.step_id === null) {
      // Stopped or finished enrolments leave the due index; a shortened sequence completes.
      plan.advances.push({
        ...base,
        p: row.next_position,
        d: null,
        s: row.status === "active" ? "completed" : row.status,
      });
      continue;
    }
    const skip = reasonToSkip(row, now);
    plan.sends.push({
      e: row.id,
      st: row.step_id,
      l: row.lead_id,
      a: row.asset_id,
      status: skip ? "skipped" : "queued",
      err: skip,
    });
    plan.advances.push({ ...base, ...nextDue(row, now) });
  }
  return plan;
}

/** Queued sends in Resend-sized groups, in the order they were planned. */
export function groupSends<T>(sends: T[], size = 100): T[][] {
  const groups: T[][] = [];
  for (let i = 0; i < sends.length; i += size) groups.push(sends.slice(i, i + size));
  return groups;
}
