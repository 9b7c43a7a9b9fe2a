// Dashboard words for the reports page, in English and Simplified Chinese.

export const reportsEn = {
  by_asset: "Asset",
  by_asset_channel: "Asset × channel",
  by_asset_campaign: "Asset × campaign",
  by_asset_channel_campaign: "Asset × channel × campaign",
  reports_title: "Reports",
  calibration_title: "Score calibration",
  calibration_help:
    "Leads created in the range, by their current score. If higher bands do not show more MQLs and won deals, the scoring rules need work.",
  calibration_empty: "No leads were created in this range.",
} as const;

export const reportsZh: Record<keyof typeof reportsEn, string> = {
  by_asset: "资产",
  by_asset_channel: "资产 × 渠道",
  by_asset_campaign: "资产 × 活动",
  by_asset_channel_campaign: "资产 × 渠道 × 活动",
  reports_title: "报表",
  calibration_title: "评分校准",
  calibration_help:
    "区间内新建的线索，按当前评分分段。如果高分段的 MQL 和成交并不更多，说明评分规则需要调整。",
  calibration_empty: "该区间内没有新线索。",
};
