// Page views arrive as queue messages and land in D1 as one upsert per asset × day × channel × campaign.
import { sql } from "drizzle-orm";
import type { Db } from "../env";
import { batch } from "../db/batch";
import type { ViewMessage } from "./messages";

export function aggregateViews(views: ViewMessage[]): Map<string, { view: ViewMessage; count: number }> {
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
    groups.map(({ view, count }) => sql`
      INSERT INTO asset_daily (asset_id, day, channel, campaign, views) VALUES (${view.assetId}, ${view.day}, ${view.channel}, ${view.campaign}, ${count})
      ON CONFLICT (asset_id, day, channel, campaign) DO UPDATE SET views = views + excluded.views`),
  );
}
