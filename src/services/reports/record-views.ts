// Page views arrive as queue messages and land in D1 as one upsert per asset × day × channel × campaign.
import type { Db } from "../../env";
import { batch } from "../../store/batch";
import { addAssetDailyViews, addAssetModelDailyViews } from "../../store/rollups";
import type { ViewMessage } from "../../queue/messages";

function assetDayViews(groups: { view: ViewMessage; count: number }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const { view, count } of groups) {
    const key = JSON.stringify([view.assetId, view.day]);
    out.set(key, (out.get(key) ?? 0) + count);
  }
  return out;
}

function aggregateViews(views: ViewMessage[]): Map<string, { view: ViewMessage; count: number }> {
  const groups = new Map<string, { view: ViewMessage; count: number }>();
  for (const v of views) {
    const key = JSON.stringify([v.assetId, v.day, v.channel, v.campaign]);
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { view: v, count: 1 });
  }
  return groups;
}

/** One batch for the whole queue batch: a hundred views usually cost one or two row writes. */
export async function recordViews(db: Db, views: ViewMessage[]): Promise<void> {
  const groups = [...aggregateViews(views).values()];
  if (!groups.length) return;
  await batch(
    db,
    groups
      .map(({ view, count }) => addAssetDailyViews(view, count))
      .concat(
        // The per-asset rollup that asset-level reports read (same count in every model's row).
        [...assetDayViews(groups).entries()].map(([key, count]) => {
          const [assetId, day] = JSON.parse(key) as [number, string];
          return addAssetModelDailyViews(assetId, day, count);
        }),
      ),
  );
}
