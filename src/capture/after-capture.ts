// What follows a capture outside the one batch: nurture enrolment and scoring hook in here.
import type { Bindings } from "../env";
import type { Asset } from "../db/schema";
import type { CapturedLead } from "./capture-lead";
import { enqueueScoreEvent } from "../scoring/apply-event";
import { getDb } from "../db/client";
import { enrolLead } from "../nurture/enrol";

export async function afterCapture(_env: Bindings, _asset: Asset, _lead: CapturedLead, _now: number): Promise<void> {
  // Scoring runs on the queue so the capture stays a single batch; `new: false` marks a repeat visit.
  await enqueueScoreEvent(_env.JOBS, _lead.leadId, "gate_submitted", { new: _lead.isNew, asset_id: _asset.id, asset_title: _asset.title, touch_id: _lead.touchId }, _now);
  // Nurture: one read and one guarded insert; a suppressed address still gets the asset but is not enrolled.
  await enrolLead(getDb(_env.DB), _asset, _lead.leadId, _now);
}
