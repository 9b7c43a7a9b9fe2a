// What follows a capture outside the one batch: nurture enrolment and scoring hook in here.
import type { Bindings } from "../env";
import type { Asset } from "../db/schema";
import type { CapturedLead } from "./capture-lead";
import { enqueueScoreEvent } from "../scoring/apply-event";

export async function afterCapture(_env: Bindings, _asset: Asset, _lead: CapturedLead, _now: number): Promise<void> {
  // Scoring runs on the queue so the capture stays a single batch; `new: false` marks a repeat visit.
  await enqueueScoreEvent(_env.JOBS, _lead.leadId, "gate_submitted", { new: _lead.isNew, asset_id: _asset.id, asset_title: _asset.title, touch_id: _lead.touchId }, _now);
  // Enrolment (nurture) registers here.
}
