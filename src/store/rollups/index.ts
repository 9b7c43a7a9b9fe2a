// The one writer of the report rollups (asset_daily, asset_model_daily, attributed_daily, campaign_monthly) and their reads.
export { bucketSql } from "./shared";
export * from "./credit";
export * from "./counts";
export * from "./reads";
export * from "./captures";
export * from "./shares";
