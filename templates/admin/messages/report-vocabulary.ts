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
  model_position_based: "Position-based",
  model_time_decay: "Time decay",
  model_w_shaped: "W-shaped",
  model_data_driven: "Data-driven",
  about_first_touch: "All credit goes to the lead's first touch.",
  about_last_touch: "All credit goes to the lead's latest touch before the conversion.",
  about_linear: "Every touch gets an equal share.",
  about_position_based:
    "40 % to the first touch, 40 % to the last, 20 % spread over the touches between.",
  about_time_decay:
    "Recent touches count more: a touch a week older than the conversion counts half as much.",
  about_w_shaped:
    "30 % each to the first touch, the last touch before the MQL and the last touch before sales accepted; 10 % spread over the rest. A milestone not reached yet counts as the latest touch.",
  about_data_driven:
    "Shares by each channel's removal effect in a Markov chain of all leads' journeys (how many fewer would convert without it), recomputed daily; equal shares until then.",
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
  model_position_based: "位置归因",
  model_time_decay: "时间衰减",
  model_w_shaped: "W 型",
  model_data_driven: "数据驱动",
  about_first_touch: "全部功劳归于线索的首次触达。",
  about_last_touch: "全部功劳归于转化前的最近一次触达。",
  about_linear: "每次触达平分功劳。",
  about_position_based: "首次触达 40%，最后一次触达 40%，其余 20% 由中间的触达平分。",
  about_time_decay: "越近的触达权重越高：比转化早一周的触达，权重减半。",
  about_w_shaped:
    "首次触达、成为 MQL 前的最后一次触达、销售接受前的最后一次触达各得 30%，其余触达平分 10%。尚未达到的节点按最近一次触达计算。",
  about_data_driven:
    "按马尔可夫链中各渠道的移除效应分配（去掉该渠道后少转化多少），基于全部线索的旅程，每天重新计算；算出之前平均分配。",
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
