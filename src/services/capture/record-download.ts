// A download (or a course room opened): an event of the lead and a count on the asset's rollup, then scoring on the queue.
import type { Db } from "../../env";
import type { Asset } from "../../db/schema";
import { batch } from "../../store/batch";
import { leadAssetEvent } from "../../store/leads";
import { countDownload } from "../../store/rollups";
import { utcDay } from "../../domain/calendar-day";
import { enqueueScoreEvent } from "../scoring/apply-event";

export async function recordDownload(
  db: Db,
  jobs: Queue,
  leadId: number,
  asset: Pick<Asset, "id" | "title">,
  type: "downloaded" | "session_joined",
  now: number,
): Promise<void> {
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
