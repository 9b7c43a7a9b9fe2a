// CSV renderings of every report and of the lead list; money as decimals in the reporting currency.
import { toCsv } from "../../domain/csv";
import { minorDigits } from "../../domain/money";
import type { ReportFigures } from "./assemble";
import type { Report } from "./report-service";
import type { CalibrationBand } from "./calibration";
import type { LeadListRow } from "./lead-list";

/** Exact decimal text of a minor amount (no float formatting): 123456 USD → "1234.56". */
export function minorToDecimal(minor: number | null, currency: string): string {
  if (minor === null) return "";
  const digits = minorDigits(currency);
  const whole = Math.round(minor);
  if (!digits) return String(whole);
  const sign = whole < 0 ? "-" : "";
  const s = String(Math.abs(whole)).padStart(digits + 1, "0");
  return `${sign}${s.slice(0, -digits)}.${s.slice(-digits)}`;
}

const FIGURES: (keyof ReportFigures)[] = [
  "views",
  "submissions",
  "new_leads",
  "visit_to_lead_rate",
  "leads",
  "spend_minor",
  "cost_per_lead_minor",
  "mqls",
  "cost_per_mql_minor",
  "accepted",
  "won",
  "revenue_minor",
  "roi",
  "referral_leads",
  "referrals_per_lead",
  "median_minutes_to_mql",
];
const MONEY = new Set<keyof ReportFigures>([
  "spend_minor",
  "cost_per_lead_minor",
  "cost_per_mql_minor",
  "revenue_minor",
]);

/**
 * Files for people start with a UTF-8 byte order mark: without it Excel reads UTF-8 as the machine's
 * legacy code page and Chinese names become mojibake. (Upload files for ad platforms follow the
 * platform's format instead, and have none.)
 */
const forPeople = (csv: string) => `\uFEFF${csv}`;

/** Costs are empty where nothing was spent: "no spend" is not "free". */
const COSTS = new Set(["cost_per_lead_minor", "cost_per_mql_minor"]);

export function reportCsv(r: Report): string {
  const header = [
    "period",
    "asset_id",
    "asset",
    "channel",
    "campaign",
    "attribution_model",
    ...FIGURES.map((f) => (MONEY.has(f) ? `${f.replace(/_minor$/, "")}_${r.currency}` : f)),
  ];
  const cells = (f: ReportFigures) =>
    FIGURES.map((k) =>
      COSTS.has(k) && !f.spend_minor
        ? ""
        : MONEY.has(k)
          ? minorToDecimal(f[k] as number | null, r.currency)
          : f[k],
    );
  const rows = r.rows.map((row) => [
    row.period,
    row.asset_id,
    row.asset_id === null
      ? r.by.includes("asset")
        ? "(unattributed spend)"
        : ""
      : (r.assets[row.asset_id]?.title ?? ""),
    row.channel,
    row.campaign,
    r.model,
    ...cells(row),
  ]);
  rows.push(["total", "", "", "", "", r.model, ...cells(r.totals)]);
  return forPeople(toCsv(header, rows));
}

export function calibrationCsv(bands: CalibrationBand[]): string {
  return forPeople(
    toCsv(
      ["score_band", "leads", "mqls", "won", "mql_rate", "win_rate"],
      bands.map((b) => [b.band, b.leads, b.mqls, b.won, b.mql_rate, b.win_rate]),
    ),
  );
}

export function leadsCsv(rows: LeadListRow[]): string {
  const iso = (ms: number | null) => (ms === null ? "" : new Date(ms).toISOString());
  return forPeople(
    toCsv(
      [
        "id",
        "email",
        "name",
        "company",
        "job_title",
        "country",
        "score",
        "stage",
        "touches",
        "created_at",
        "mql_at",
      ],
      rows.map((l) => [
        l.id,
        l.email,
        l.name,
        l.company,
        l.job_title,
        l.country,
        l.score,
        l.stage,
        l.touch_count,
        iso(l.created_at),
        iso(l.mql_at),
      ]),
    ),
  );
}
