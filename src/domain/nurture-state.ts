// Where a lead stands on each sequence, and why: from its enrolments, the sequences its assets start, its consent.
import type { EnrolmentStatus, NurtureReason, NurtureState } from "./vocabulary";

/** An enrolment of the lead (one per sequence). */
export interface EnrolmentFacts {
  sequenceId: number;
  sequenceName: string;
  assetId: number;
  status: EnrolmentStatus;
  nextDueAt: number | null;
  stoppedReason: string | null;
}
/** A sequence an asset the lead came through starts today, and when they last came through it. */
export interface OfferedFacts {
  sequenceId: number;
  sequenceName: string;
  assetId: number;
  lastTouchAt: number;
}
export interface LeadNurtureFacts {
  marketingConsent: "given" | "implied" | "declined" | null;
  consentAt: number | null;
  /** Why the address is suppressed (unsubscribed, bounced, complained, erased), or null. */
  suppression: string | null;
}
export interface NurtureEntry {
  sequenceId: number;
  sequenceName: string;
  assetId: number;
  state: NurtureState;
  reason: NurtureReason | null;
  nextStepAt: number | null;
}

/** A stop or suppression in the reasons the lead page and API use: the person's choice, erasure, or the mail system's. */
function suppressionReason(reason: string | null): NurtureReason {
  if (reason === "unsubscribed" || reason === "erased") return reason;
  return "suppressed";
}

/** Why a lead who came through an asset is not on its sequence. */
function notEnrolledReason(o: OfferedFacts, lead: LeadNurtureFacts): NurtureReason {
  if (lead.suppression) return suppressionReason(lead.suppression);
  if (lead.marketingConsent === "declined") return "opted_out";
  if (lead.marketingConsent === null) return "no_consent";
  // They may be nurtured now: either the consent came after this asset, or the sequence did.
  return lead.consentAt !== null && lead.consentAt > o.lastTouchAt
    ? "consent_given_later"
    : "captured_before_sequence";
}

/** One entry per sequence: the enrolment's standing where there is one, else why there is none. */
export function nurtureEntries(
  enrolments: EnrolmentFacts[],
  offered: OfferedFacts[],
  lead: LeadNurtureFacts,
): NurtureEntry[] {
  const out: NurtureEntry[] = enrolments.map((e) => {
    const base = { sequenceId: e.sequenceId, sequenceName: e.sequenceName, assetId: e.assetId };
    if (e.status === "active")
      return { ...base, state: "enrolled", reason: null, nextStepAt: e.nextDueAt };
    // The drip waits for the confirmation click; the due time is the confirmation email's, if still to send.
    if (e.status === "pending_optin")
      return { ...base, state: "not_enrolled", reason: "pending_optin", nextStepAt: e.nextDueAt };
    if (e.status === "completed")
      return { ...base, state: "completed", reason: null, nextStepAt: null };
    return {
      ...base,
      state: "stopped",
      reason: suppressionReason(e.stoppedReason),
      nextStepAt: null,
    };
  });
  const seen = new Set(enrolments.map((e) => e.sequenceId));
  // Latest touch first, so a sequence two assets share is judged by the asset they came through last.
  for (const o of [...offered].sort((a, b) => b.lastTouchAt - a.lastTouchAt)) {
    if (seen.has(o.sequenceId)) continue;
    seen.add(o.sequenceId);
    out.push({
      sequenceId: o.sequenceId,
      sequenceName: o.sequenceName,
      assetId: o.assetId,
      state: "not_enrolled",
      reason: notEnrolledReason(o, lead),
      nextStepAt: null,
    });
  }
  return out;
}
