// A download (or a course room opened): an event of the lead and a count on the asset's rollup, then scoring on the queue.
// A link scanner following the email's link to the file is recorded as a machine's download: not counted, not scored.
import type { Db } from "../../env";
import type { Asset } from "../../db/schema";
import { batch } from "../../store/batch";
import { leadAssetEvent } from "../../store/leads";
import { countDownload } from "../../store/rollups";
import { utcDay } from "../../domain/calendar-day";
import { classifyVisit, type RequestSignals } from "../../domain/machine-traffic";
import { enqueueScoreEvent } from "../scoring/apply-event";

export async function recordDownload(
  db: Db,
  jobs: Queue,
  leadId: number,
  asset: Pick<Asset, "id" | "title">,
  type: "downloaded" | "session_joined",
  signals: RequestSignals,
  now: number,
): Promise<void> {
  const verdict = classifyVisit(signals);
  if (verdict.by === "machine") {
    await batch(db, [
      leadAssetEvent(leadId, { assetId: asset.id, type, at: now, machine: verdict.reason }),
    ]);
    return;
  }
  // One batch: the event and the rollup count land together or not at all.
  await batch(db, [
    leadAssetEvent(leadId, { assetId: asset.id, type, at: now }),
    countDownload({ assetId: asset.id, day: utcDay(now), leadId }),
  ]);
  await enqueueScoreEvent(
    jobs,
    leadId,
    type,
    { asset_id: asset.id, asset_title: asset.title },
    now,
  );
}
