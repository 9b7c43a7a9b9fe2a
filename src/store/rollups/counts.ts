// Page views counted into asset_daily and asset_model_daily by the view consumer.
import { sql, type SQL } from "drizzle-orm";
import { EVERY_MODEL } from "./shared";

// ---- Page views, counted by the view consumer.

/** Adds `count` views to one asset × day × channel × campaign cell. */
export function addAssetDailyViews(
  cell: { assetId: number; day: string; channel: string; campaign: string },
  count: number,
): SQL {
  // Raw: an upsert with an expression (views + excluded.views).
  return sql`
      INSERT INTO asset_daily (asset_id, day, channel, campaign, views) VALUES (${cell.assetId}, ${cell.day}, ${cell.channel}, ${cell.campaign}, ${count})
      ON CONFLICT (asset_id, day, channel, campaign) DO UPDATE SET views = views + excluded.views`;
}

/** Adds `count` views to the asset's day in every model's row of the per-asset rollup. */
export function addAssetModelDailyViews(assetId: number, day: string, count: number): SQL {
  // `WHERE true` lets SQLite read ON CONFLICT as the upsert clause, not as part of the SELECT's join.
  return sql`
          INSERT INTO asset_model_daily (model, asset_id, day, views)
          SELECT m.model, ${assetId}, ${day}, ${count} FROM (${EVERY_MODEL}) m WHERE true
          ON CONFLICT (model, asset_id, day) DO UPDATE SET views = views + excluded.views`;
}
