// What follows a capture outside its one batch: scoring (on the queue) and nurture enrolment.
import { loadConfig, suppressionSecret, type Bindings } from "../../env";
import type { Asset } from "../../db/schema";
import type { CapturedLead } from "./capture-lead";
import { enqueueScoreEvent } from "../scoring/apply-event";
import { getDb } from "../../db/client";
import { enrolLead } from "../nurture/enrol";
import { mayNurture } from "../../domain/consent-law";

export async function afterCapture(
  env: Bindings,
  asset: Asset,
  lead: CapturedLead,
  now: number,
  /** The course session the lead took a seat in: their reminders count from it. */
  sessionId: number | null = null,
): Promise<void> {
  // Scoring runs on the queue so the capture stays a single batch; `new: false` marks a repeat visit.
  await enqueueScoreEvent(
    env.JOBS,
    lead.leadId,
    "gate_submitted",
    { new: lead.isNew, asset_id: asset.id, asset_title: asset.title, touch_id: lead.touchId },
    now,
  );
  // Nurture only with marketing consent (given, or a soft opt-in not refused): without it the lead has the asset
  // and nothing else, and no enrolment is written (the lead page and API say why: src/services/nurture/state.ts).
  // A later capture with consent enrols them then. One read and one guarded insert; never a suppressed address.
  if (mayNurture(lead.marketingConsent))
    await enrolLead(
      getDb(env.DB),
      asset,
      lead.leadId,
      now,
      suppressionSecret(loadConfig(env)),
      sessionId,
    );
}
