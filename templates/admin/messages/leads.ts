// Dashboard words for the lead list and lead detail, in English and Simplified Chinese.

export const leadsEn = {
  leads_title: "Leads",
  leads_empty: "No leads match. Clear the filters, or share a landing page to get your first lead.",
  search: "Search email, name or company",
  min_score: "Min score",
  max_score: "Max score",
  all: "All",
  created: "Created",
  timeline: "Timeline",
  why_score: "Why this score",
  why_score_empty: "No score changes yet.",
  stages: "Stage history",
} as const;

export const leadsZh: Record<keyof typeof leadsEn, string> = {
  leads_title: "线索",
  leads_empty: "没有符合条件的线索。清除筛选条件，或分享落地页获取第一条线索。",
  search: "搜索邮箱、姓名或公司",
  min_score: "最低分",
  max_score: "最高分",
  all: "全部",
  created: "创建时间",
  timeline: "时间线",
  why_score: "评分依据",
  why_score_empty: "评分尚无变化。",
  stages: "阶段变化",
};
