// A lead's consent (standing, and each capture's record) and where they stand on each sequence, in one round trip.
import type { Db } from "../../env";
import { batch } from "../../store/batch";
import { leadConsentStatement, type LeadConsentRow } from "../../store/leads";
import { consentRecordsStatement, type ConsentRecordRow } from "../../store/touches";
import { enrolmentsOfLeadStatement, sequencesOfferedToLeadStatement } from "../../store/enrolments";
import { suppressionOfAddress } from "../../store/suppressions";
import { emailHashes } from "../../domain/email-address";
import { isoTime as iso } from "../../domain/http-time";
import { nurtureEntries, type EnrolmentFacts, type OfferedFacts } from "../../domain/nurture-state";

/** The consent log a lead page shows: the latest captures (the export has every one). */
const CONSENT_RECORDS = 50;

export async function loadConsentAndNurture(
  db: Db,
  leadId: number,
  email: string,
  /** Keys the suppression hash (suppressionSecret of the config). */
  secret: string,
) {
  const [standing, records, enrolments, offered, suppression] = await batch(db, [
    leadConsentStatement(leadId),
    consentRecordsStatement(leadId, CONSENT_RECORDS),
    enrolmentsOfLeadStatement(leadId),
    sequencesOfferedToLeadStatement(leadId),
    suppressionOfAddress(await emailHashes(email, secret)),
  ]);
  const lead = (standing!.results as LeadConsentRow[])[0];
  const suppressedFor = (suppression!.results as { reason: string }[])[0]?.reason ?? null;
  const nurture = nurtureEntries(
    enrolments!.results as unknown as EnrolmentFacts[],
    offered!.results as unknown as OfferedFacts[],
    {
      marketingConsent: lead?.marketingConsent ?? null,
      consentAt: lead?.consentAt ?? null,
      suppression: suppressedFor,
    },
  );
  return {
    consent: {
      marketing: lead?.marketingConsent ?? null,
      at: lead?.consentAt == null ? null : iso(lead.consentAt),
      version: lead?.consentVersion ?? null,
      ip_hashed: Boolean(lead?.ipHashed),
      records: (records!.results as ConsentRecordRow[]).map((r) => ({
        touch_id: r.id,
        at: iso(r.at),
        asset: { id: r.assetId, title: r.assetTitle },
        marketing: r.marketing,
        mode: r.mode,
        version: r.version,
        privacy_accepted: r.privacy === null ? null : Boolean(r.privacy),
        text_id: r.textHash,
        text: r.text,
      })),
    },
    nurture: nurture.map((n) => ({
      sequence_id: n.sequenceId,
      sequence_name: n.sequenceName,
      asset_id: n.assetId,
      state: n.state,
      reason: n.reason,
      next_step_at: n.nextStepAt === null ? null : iso(n.nextStepAt),
    })),
  };
}
