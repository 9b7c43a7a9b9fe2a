// Double opt-in: the lead clicked the confirmation, so the drip starts now from step one.
import type { Db } from "../../env";
import { batch } from "../../store/batch";
import { optinFacts, startConfirmedEnrolment } from "../../store/enrolments";
import { recordEvent } from "../../store/events";
import { stepDueAt } from "./schedule";
import { windowTimeZone } from "./lead-time-zone";

type OptinResult = "confirmed" | "already_confirmed" | "stopped" | "unknown";

export async function confirmOptin(db: Db, enrolmentId: number, now: number): Promise<OptinResult> {
  const f = await optinFacts(db, enrolmentId);
  if (!f) return "unknown";
  if (f.status === "stopped") return "stopped";
  if (f.status !== "pending_optin") return "already_confirmed";
  const window = f.sendWindow;
  const due = f.anchor
    ? (stepDueAt(
        { anchor: f.anchor, delayMinutes: f.delayMinutes!, sendWindow: window },
        {
          startedAt: now,
          sessionStartsAt: f.startsAt,
          timeZone: windowTimeZone(window?.timezone ?? "asset", f.country, f.assetTz),
        },
      ) ?? now)
    : null;
  await batch(db, [
    startConfirmedEnrolment(enrolmentId, due, now),
    recordEvent({
      leadId: f.leadId,
      assetId: f.assetId,
      type: "optin_confirmed",
      at: now,
      data: { enrolment_id: enrolmentId },
    }),
  ]);
  return "confirmed";
}
