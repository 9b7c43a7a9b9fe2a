// The columns of a cost report: the fields we read, the header names ad platforms give them, the guess.

export const IMPORT_FIELDS = [
  "day",
  "day_to",
  "campaign",
  "account",
  "cost",
  "currency",
  "impressions",
  "clicks",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export type ColumnMapping = Partial<Record<ImportField, string>>;

/**
 * Header names per field, most specific first (an ID beats a name for the account), lower-cased and
 * without a trailing "(…)" — "Amount spent (USD)", "消费(元)" and "Start Date (in UTC)" match their
 * bare names. From Google Ads, Microsoft Advertising, Meta, LinkedIn, 百度营销, 巨量引擎 and 腾讯广告.
 */
export const SYNONYMS: Record<ImportField, string[]> = {
  day: [
    "day",
    "date",
    "reporting starts",
    "start date",
    "time period",
    "gregorian date",
    "日期",
    "时间",
    "开始日期",
  ],
  day_to: ["reporting ends", "end date", "结束日期"],
  campaign: [
    "campaign",
    "campaign name",
    "campaign_name",
    "utm_campaign",
    "推广计划",
    "推广计划名称",
    "计划名称",
    "广告计划",
    "广告计划名称",
    "项目名称",
    "广告名称",
  ],
  account: [
    "customer id",
    "account id",
    "account number",
    "account name",
    "account",
    "账户id",
    "广告主id",
    "账户",
    "账户名称",
    "账户名",
    "广告主名称",
  ],
  cost: ["cost", "spend", "amount spent", "total spent", "amount", "消费", "花费", "消耗"],
  currency: ["currency code", "currency", "货币", "币种"],
  impressions: [
    "impressions",
    "impr.",
    "impr",
    "展现",
    "展现量",
    "曝光",
    "曝光量",
    "曝光次数",
    "展示",
    "展示数",
  ],
  clicks: ["clicks", "link clicks", "点击", "点击量", "点击数", "点击次数"],
};

const TRAILING_NOTE = /\s*[(（][^()（）]*[)）]\s*$/;

/** "Amount spent (USD)" → "amount spent"; full-width spaces and brackets count too. */
export function bareHeader(h: string): string {
  return h
    .replace(/\u3000/g, " ")
    .trim()
    .toLowerCase()
    .replace(TRAILING_NOTE, "")
    .trim();
}

/** The currency a header names: "Amount spent (USD)" → USD, "消费(元)" → CNY, else null. */
export function headerCurrency(h: string): string | null {
  const m = /[(（]\s*([^()（）]+?)\s*[)）]\s*$/.exec(h.trim());
  if (!m) return null;
  if (/^[A-Za-z]{3}$/.test(m[1]!)) return m[1]!.toUpperCase();
  return /^(元|人民币|rmb)$/i.test(m[1]!) ? "CNY" : null;
}

/** Columns guessed from the header, a field's first synonym found first. */
export function guessMapping(
  headers: string[],
  extra: Partial<Record<ImportField, string[]>> = {},
) {
  const mapping: ColumnMapping = {};
  const bare = headers.map(bareHeader);
  const exact = headers.map((h) => h.trim().toLowerCase());
  const taken = new Set<number>();
  for (const field of IMPORT_FIELDS) {
    for (const name of [...(extra[field] ?? []), ...SYNONYMS[field]]) {
      let i = exact.findIndex((h, j) => h === name && !taken.has(j));
      if (i < 0) i = bare.findIndex((h, j) => h === name && !taken.has(j));
      if (i >= 0) {
        mapping[field] = headers[i]!;
        taken.add(i);
        break;
      }
    }
  }
  return mapping;
}

/** How many fields a record's cells would fill: the header is the first record that fills the most. */
export function headerScore(cells: string[]): number {
  const m = guessMapping(cells);
  return m.cost ? Object.keys(m).length : 0;
}
