// Enrolling a lead who passed an asset's gate: once per sequence, never for a suppressed address.
import type { Db } from "../../env";
import type { Asset } from "../../db/schema";
import { enrolUnlessSuppressed, enrolmentStart } from "../../store/enrolments";
import { emailHashes } from "../../domain/email-address";
import { stepDueAt } from "./schedule";
import { windowTimeZone } from "./lead-time-zone";

type EnrolResult =
  | { enrolled: true; enrolmentId: number; status: "active" | "pending_optin"; nextDueAt: number }
  | {
      enrolled: false;
      reason: "no_sequence" | "empty_sequence" | "already_enrolled_or_suppressed" | "unknown_lead";
    };

/** Two statements: one indexed read of the lead, first step and next session; one guarded insert. */
export async function enrolLead(
  db: Db,
  asset: Asset,
  leadId: number,
  now: number,
  /** Keys the suppression hash (suppressionSecret of the config). */
  secret: string,
  /** The course session the lead picked at the gate; null takes the asset's next one. */
  sessionId: number | null = null,
): Promise<EnrolResult> {
  if (!asset.sequenceId) return { enrolled: false, reason: "no_sequence" };
  const facts = await enrolmentStart(db, {
    leadId,
    sequenceId: asset.sequenceId,
    assetId: asset.id,
    now,
    sessionId,
  });
  if (!facts || facts.erasedAt !== null) return { enrolled: false, reason: "unknown_lead" };
  if (facts.anchor === null) return { enrolled: false, reason: "empty_sequence" };

  const window = facts.sendWindow;
  const clock = {
    startedAt: now,
    sessionStartsAt: facts.startsAt,
    timeZone: windowTimeZone(window?.timezone ?? "asset", facts.country, asset.timezone),
  };
  // Double opt-in first sends the confirmation (position 0) right away; the drip waits for the click.
  const optin = asset.doubleOptIn;
  const status = optin ? "pending_optin" : "active";
  const position = optin ? 0 : 1;
  // A step counting from a session the lead has none of is due now, so the cron records why it is skipped.
  const due = optin
    ? now
    : (stepDueAt(
        { anchor: facts.anchor, delayMinutes: facts.delayMinutes!, sendWindow: window },
        clock,
      ) ?? now);

  const enrolmentId = await enrolUnlessSuppressed(
    db,
    {
      leadId,
      sequenceId: asset.sequenceId,
      assetId: asset.id,
      status,
      nextPosition: position,
      nextDueAt: due,
      sessionId: facts.sessionId,
      now,
    },
    await emailHashes(facts.email, secret),
  );
  if (enrolmentId !== null) return { enrolled: true, enrolmentId, status, nextDueAt: due };
  // Telling the two apart would cost another read on every repeat capture, and no caller needs it.
  return { enrolled: false, reason: "already_enrolled_or_suppressed" };
}
