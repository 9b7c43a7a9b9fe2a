// Dashboard words for report figures, models and periods, wherever a report is shown, in English and Simplified Chinese.

import type { AttributionModel } from "../../../src/domain/vocabulary";

/** The model switch's choices, in the order it lists them; the type check fails if a model is missing. */
export const MODEL_CHOICES = [
  "first_touch",
  "last_touch",
  "linear",
  "position_based",
  "time_decay",
  "w_shaped",
  "data_driven",
] as const satisfies readonly AttributionModel[];
const everyModelListed: Exclude<AttributionModel, (typeof MODEL_CHOICES)[number]> extends never
  ? true
  : never = true;
void everyModelListed;

export const reportVocabularyEn = {
  model: "Attribution model",
  model_first_touch: "First touch",
  model_last_touch: "Last touch",
  model_linear: "Linear",
  model_position_based: "Position-based (40/20/40)",
  model_time_decay: "Time decay (7-day half-life)",
  model_w_shaped: "W-shaped (first, MQL, accepted)",
  model_data_driven: "Data-driven (Markov removal effect)",
  model_note:
    "Credited figures (leads, MQLs, accepted, won, revenue, spend spread, costs, ROI) use the model: {model}.",
  from: "From",
  to: "To",
  grain: "Period",
  grain_day: "Day",
  grain_week: "Week",
  grain_month: "Month",
  grain_range: "Whole range",
  period: "Period",
  channel: "Channel",
  campaign: "Campaign",
  views: "Views",
  submissions: "Submissions",
  visit_to_lead: "Visit→lead",
  mqls: "MQLs",
  cost_per_mql: "Cost per MQL",
  accepted: "Accepted",
  won: "Won",
  revenue: "Revenue",
  roi: "ROI",
  referral_leads: "Referral leads",
  referrals_per_lead: "Referrals per lead",
  median_to_mql: "Median lead→MQL",
  reports_empty:
    "Nothing in this range yet. Try a wider range, or record spend and publish an asset.",
} as const;

export const reportVocabularyZh: Record<keyof typeof reportVocabularyEn, string> = {
  model: "归因模型",
  model_first_touch: "首次触达",
  model_last_touch: "末次触达",
  model_linear: "线性",
  model_position_based: "位置归因（40/20/40）",
  model_time_decay: "时间衰减（半衰期 7 天）",
  model_w_shaped: "W 型（首次、MQL、销售接受）",
  model_data_driven: "数据驱动（马尔可夫移除效应）",
  model_note:
    "归因类数据（线索、MQL、接受、成交、收入、花费分摊、成本、ROI）均按「{model}」模型计算。",
  from: "开始",
  to: "结束",
  grain: "周期",
  grain_day: "按天",
  grain_week: "按周",
  grain_month: "按月",
  grain_range: "整个区间",
  period: "周期",
  channel: "渠道",
  campaign: "活动",
  views: "访问",
  submissions: "提交",
  visit_to_lead: "访问→线索",
  mqls: "MQL",
  cost_per_mql: "单个 MQL 成本",
  accepted: "销售接受",
  won: "成交",
  revenue: "收入",
  roi: "ROI",
  referral_leads: "转介绍线索",
  referrals_per_lead: "人均转介绍",
  median_to_mql: "线索→MQL 中位时长",
  reports_empty: "该区间暂无数据。请扩大时间范围，或记录花费并发布资产。",
};
