// Dashboard words for the overview, in English and Simplified Chinese.

export const overviewEn = {
  overview_title: "Overview",
  overview_leads_chart: "Leads per day, by asset (last 30 days)",
  overview_cpl_chart: "Cost per lead per week, by asset (last 12 weeks)",
  overview_kpis: "Last 30 days",
  overview_leads_chart_empty: "No leads in the last 30 days.",
  overview_cpl_chart_empty:
    "No cost per lead yet: it needs spend and leads in the same week. Record spend on the Spend page.",
  overview_empty:
    "No leads or spend yet. Publish an asset, share its landing page, and record your ad spend — figures appear here as they arrive.",
} as const;

export const overviewZh: Record<keyof typeof overviewEn, string> = {
  overview_title: "概览",
  overview_leads_chart: "各资产每日线索（近 30 天）",
  overview_cpl_chart: "各资产每周单条线索成本（近 12 周）",
  overview_kpis: "近 30 天",
  overview_leads_chart_empty: "近 30 天没有新线索。",
  overview_cpl_chart_empty:
    "暂无单条线索成本：同一周内需既有花费又有线索。请在「投放花费」页面记录花费。",
  overview_empty: "还没有线索或花费。发布一个资产、分享落地页并记录投放花费后，数据会出现在这里。",
};
