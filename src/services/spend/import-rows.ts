// Spend CSV import, the pure part: map the ad platform's columns, validate every row with zod, name bad lines.
import { z } from "zod";
import type { CsvRecord } from "../../domain/csv";
import { isCurrencyCode, parseAmount } from "../../domain/money";
import { isValidDay } from "../../domain/report-days";

export const IMPORT_FIELDS = [
  "day",
  "campaign",
  "cost",
  "currency",
  "impressions",
  "clicks",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
const REQUIRED_FIELDS: ImportField[] = ["day", "cost"];

/** Header names the common ad platforms use (Google Ads, Meta, LinkedIn, Baidu, WeChat exports), lower-cased. */
const SYNONYMS: Record<ImportField, string[]> = {
  day: ["day", "date", "reporting starts", "start date", "日期", "时间"],
  campaign: [
    "campaign",
    "campaign name",
    "campaign_name",
    "utm_campaign",
    "推广计划",
    "计划名称",
    "广告计划",
  ],
  cost: [
    "cost",
    "spend",
    "amount spent",
    "amount",
    "total spent",
    "cost (usd)",
    "消费",
    "花费",
    "消耗",
  ],
  currency: ["currency", "currency code", "货币", "币种"],
  impressions: ["impressions", "impr.", "展现", "曝光", "展示"],
  clicks: ["clicks", "link clicks", "点击", "点击量"],
};

export type ColumnMapping = Partial<Record<ImportField, string>>;

/** Columns guessed from the header; the caller shows a mapping step when a required one is missing. */
export function guessMapping(headers: string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const normalized = headers.map((h) => h.trim().toLowerCase());
  for (const field of IMPORT_FIELDS) {
    const i = normalized.findIndex((h) => SYNONYMS[field].includes(h));
    if (i >= 0) mapping[field] = headers[i]!;
  }
  return mapping;
}

export function missingFields(mapping: ColumnMapping, headers: string[]): ImportField[] {
  return REQUIRED_FIELDS.filter((f) => !mapping[f] || !headers.includes(mapping[f]!));
}

/** 2026-03-01, 2026/03/01 and 2026.3.1 are accepted; anything else is refused rather than guessed. */
function normalizeDay(v: string): string | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(v.trim());
  if (!m) return null;
  const d = `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`;
  return isValidDay(d) ? d : null;
}
const count = z
  .string()
  .transform((s) => s.trim().replace(/,/g, ""))
  .refine((s) => s === "" || /^\d+$/.test(s), "must be a whole number")
  .transform((s) => (s === "" ? null : Number(s)));

/** One mapped CSV row, before money is parsed (that needs the row's currency). */
const importRow = z.object({
  day: z.string().transform((s, ctx) => {
    const day = normalizeDay(s);
    if (day) return day;
    ctx.addIssue({ code: "custom", message: `"${s.slice(0, 40)}" is not a date (use YYYY-MM-DD)` });
    return z.NEVER;
  }),
  campaign: z.string().trim().max(200, "campaign is longer than 200 characters"),
  cost: z.string().trim().min(1, "cost is empty"),
  currency: z.string().trim().toUpperCase(),
  impressions: count,
  clicks: count,
});

interface ParsedSpendRow {
  line: number;
  day: string;
  campaign: string | null;
  costMinor: number;
  currency: string;
  impressions: number | null;
  clicks: number | null;
}
export interface RowError {
  line: number;
  field: string | null;
  reason: string;
}

/**
 * Maps and validates the records after the header. `defaultCurrency` applies when the file has no
 * currency column (or the cell is empty). Rows are returned in file order; errors name their line.
 */
export function readSpendRows(
  records: CsvRecord[],
  mapping: ColumnMapping,
  defaultCurrency: string,
): { rows: ParsedSpendRow[]; errors: RowError[] } {
  const [header, ...body] = records;
  const rows: ParsedSpendRow[] = [];
  const errors: RowError[] = [];
  if (!header) return { rows, errors: [{ line: 1, field: null, reason: "The file is empty" }] };
  const col = (f: ImportField) => (mapping[f] ? header.cells.indexOf(mapping[f]!) : -1);
  const index = Object.fromEntries(IMPORT_FIELDS.map((f) => [f, col(f)])) as Record<
    ImportField,
    number
  >;
  for (const rec of body) {
    if (rec.cells.every((c) => c.trim() === "")) continue;
    // Ad platforms append a "Total" line; it is not a day of spend.
    if (
      /^total/i.test((rec.cells[0] ?? "").trim()) &&
      (index.day < 0 || !normalizeDay(rec.cells[index.day] ?? ""))
    )
      continue;
    const raw = Object.fromEntries(
      IMPORT_FIELDS.map((f) => [f, index[f] >= 0 ? (rec.cells[index[f]] ?? "") : ""]),
    );
    if (!raw.currency) raw.currency = defaultCurrency;
    const parsed = importRow.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        errors.push({
          line: rec.line,
          field: String(issue.path[0] ?? "") || null,
          reason: issue.message,
        });
      continue;
    }
    const r = parsed.data;
    if (!isCurrencyCode(r.currency)) {
      errors.push({
        line: rec.line,
        field: "currency",
        reason: `"${r.currency.slice(0, 10)}" is not an ISO 4217 currency code`,
      });
      continue;
    }
    const costMinor = parseAmount(r.cost, r.currency);
    if (costMinor === null) {
      errors.push({
        line: rec.line,
        field: "cost",
        reason: `"${r.cost.slice(0, 40)}" is not an amount in ${r.currency}`,
      });
      continue;
    }
    rows.push({
      line: rec.line,
      day: r.day,
      campaign: r.campaign || null,
      costMinor,
      currency: r.currency,
      impressions: r.impressions,
      clicks: r.clicks,
    });
  }
  if (!body.length)
    errors.push({ line: header.line, field: null, reason: "The file has a header but no rows" });
  return { rows, errors };
}
