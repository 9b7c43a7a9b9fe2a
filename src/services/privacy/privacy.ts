// Data-subject requests: export everything held about a person; erase their personal data but keep counts and rollups.
import type { Db } from "../../env";
import { AppError } from "../../errors";
import { batch } from "../../store/batch";
import { deleteCapturedMailTo, capturedMailToAsStored } from "../../store/captured-emails";
import { enrolmentsOfLeadAsStored, stopEnrolmentsOfErasedLead } from "../../store/enrolments";
import { eventsOfLeadAsStored, recordEvent, scrubEventsOfLead } from "../../store/events";
import { eraseLeadProfile, leadAsStored } from "../../store/leads";
import { outcomesOfLeadAsStored, scrubOutcomesOfLead } from "../../store/outcomes";
import { ledgerOfLeadAsStored, scrubLedgerOfLead } from "../../store/score-ledger";
import { sendsOfLeadAsStored } from "../../store/sends";
import { scrubStageHistoryOfLead, stageHistoryOfLeadAsStored } from "../../store/stage-history";
import { suppressErased, suppressionOfAddress } from "../../store/suppressions";
import { scrubTouchesOfLead, touchesOfLeadAsStored } from "../../store/touches";
import {
  deliveriesOfLeadAsStored,
  scrubDeliveriesOfLead,
  scrubReferrerInDeliveries,
} from "../../store/webhooks";
import { erasedReferrer } from "../leads/lead-summary";
import { emailHashes } from "../../domain/email-address";

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
export async function exportLead(db: Db, leadId: number, secret: string) {
  const lead = await leadAsStored(db, leadId);
  if (!lead) throw new AppError("NOT_FOUND", "No lead has this id");
  if (lead.erased_at !== null) throw new AppError("GONE", "This lead's personal data was erased");
  const hashes = await emailHashes(lead.email, secret);
  const results = await batch<Row>(db, [
    touchesOfLeadAsStored(leadId),
    eventsOfLeadAsStored(leadId),
    ledgerOfLeadAsStored(leadId),
    stageHistoryOfLeadAsStored(leadId),
    outcomesOfLeadAsStored(leadId),
    enrolmentsOfLeadAsStored(leadId),
    sendsOfLeadAsStored(leadId),
    deliveriesOfLeadAsStored(leadId),
    suppressionOfAddress(hashes),
    capturedMailToAsStored(lead.email),
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
    touches: parseJson(touches!, "click_ids"),
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
 * Erases the person: profile fields cleared, email and share code replaced by placeholders (the unique
 * indexes stay valid; old share links stop crediting them), the address suppressed by its hash, event data,
 * outcome notes, stage reasons and webhook payloads scrubbed — their own, and where other leads' payloads
 * name them as referrer — pending deliveries and nurture stopped. Stage, score, touches' asset/channel/day
 * and every rollup stay, so counts hold.
 */
export async function eraseLead(
  db: Db,
  leadId: number,
  now: number,
  /** Keys the suppression hash (suppressionSecret of the config). */
  secret: string,
): Promise<{ erasedAt: number; already: boolean }> {
  const lead = await leadAsStored(db, leadId);
  if (!lead) throw new AppError("NOT_FOUND", "No lead has this id");
  if (lead.erased_at !== null) return { erasedAt: lead.erased_at, already: true };
  const hashes = await emailHashes(lead.email, secret);
  await batch(db, [
    ...suppressErased(hashes, now),
    eraseLeadProfile(leadId, now),
    scrubTouchesOfLead(leadId),
    scrubEventsOfLead(leadId),
    scrubOutcomesOfLead(leadId),
    scrubLedgerOfLead(leadId),
    ...scrubDeliveriesOfLead(leadId, now),
    scrubReferrerInDeliveries(leadId, erasedReferrer(leadId)),
    scrubStageHistoryOfLead(leadId),
    stopEnrolmentsOfErasedLead(leadId),
    deleteCapturedMailTo(lead.email),
    recordEvent({ leadId, type: "erased", at: now }),
  ]);
  return { erasedAt: now, already: false };
}
