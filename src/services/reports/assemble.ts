// Report math: grouping rollup cells into report rows and deriving every ratio. Pure; no I/O.
import { matchKey } from "../../domain/utm";
import type { AttributionModel } from "../../db/schema";
import { periodOf, type Grain } from "../../domain/report-days";
import { medianMinutes, mergeHistogram, type Histogram } from "./latency";
import type { SpendCell } from "./spend-allocation";

export const DIMENSIONS = ["asset", "channel", "campaign"] as const;
type Dimension = (typeof DIMENSIONS)[number];

/** Counted events: the same under every model. */
export interface EventCell {
  assetId: number;
  day: string;
  channel: string;
  campaign: string;
  views: number;
  submissions: number;
  newLeads: number;
  referralLeads: number;
}
/** Figures credited under one attribution model. */
export interface CreditCell {
  assetId: number;
  day: string;
  channel: string;
  campaign: string;
  leads: number;
  mqls: number;
  accepted: number;
  won: number;
  revenueMinor: number;
  hist: Histogram;
}

export interface ReportFigures {
  model: AttributionModel;
  views: number;
  submissions: number;
  new_leads: number;
  visit_to_lead_rate: number | null;
  leads: number;
  spend_minor: number;
  cost_per_lead_minor: number | null;
  mqls: number;
  cost_per_mql_minor: number | null;
  accepted: number;
  won: number;
  revenue_minor: number;
  roi: number | null;
  referral_leads: number;
  referrals_per_lead: number | null;
  median_minutes_to_mql: number | null;
}
export interface ReportRow extends ReportFigures {
  period: string;
  asset_id: number | null;
  channel: string | null;
  campaign: string | null;
}

interface Acc {
  views: number;
  submissions: number;
  newLeads: number;
  referralLeads: number;
  leads: number;
  mqls: number;
  accepted: number;
  won: number;
  revenueMinor: number;
  spendMinor: number;
  hist: Histogram;
}
const empty = (): Acc => ({
  views: 0,
  submissions: 0,
  newLeads: 0,
  referralLeads: 0,
  leads: 0,
  mqls: 0,
  accepted: 0,
  won: 0,
  revenueMinor: 0,
  spendMinor: 0,
  hist: {},
});

/** Credited figures are fractional under linear; six decimals hide float noise without losing a share. */
const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
const ratio = (a: number, b: number) => (b > 1e-9 ? r6(a / b) : null);
const perUnit = (money: number, n: number) => (n > 1e-9 ? Math.round(money / n) : null);

function figures(a: Acc, model: AttributionModel): ReportFigures {
  const median = medianMinutes(a.hist);
  return {
    model,
    views: a.views,
    submissions: a.submissions,
    new_leads: a.newLeads,
    visit_to_lead_rate: ratio(a.newLeads, a.views),
    leads: r6(a.leads),
    spend_minor: a.spendMinor,
    cost_per_lead_minor: perUnit(a.spendMinor, a.leads),
    mqls: r6(a.mqls),
    cost_per_mql_minor: perUnit(a.spendMinor, a.mqls),
    accepted: r6(a.accepted),
    won: r6(a.won),
    revenue_minor: r6(a.revenueMinor),
    roi: a.spendMinor > 0 ? r6((a.revenueMinor - a.spendMinor) / a.spendMinor) : null,
    referral_leads: a.referralLeads,
    referrals_per_lead: ratio(a.referralLeads, a.newLeads),
    median_minutes_to_mql: median === null ? null : Math.round(median),
  };
}

interface AssembleInput {
  model: AttributionModel;
  grain: Grain;
  by: Dimension[];
  range: { from: string; to: string };
  events: EventCell[];
  credits: CreditCell[];
  spend: SpendCell[];
}

/**
 * Rows per period × the chosen dimensions, sorted by period then asset, channel, campaign; totals are
 * the sums of the very same cells, so the rows always add up to them.
 */
export function assembleReport(input: AssembleInput): { rows: ReportRow[]; totals: ReportFigures } {
  const want = new Set(input.by);
  const rows = new Map<string, { key: Omit<ReportRow, keyof ReportFigures>; acc: Acc }>();
  const total = empty();
  const slot = (c: { assetId: number | null; day: string; channel: string; campaign: string }) => {
    const key = {
      period: periodOf(c.day, input.grain, input.range),
      asset_id: want.has("asset") ? c.assetId : null,
      channel: want.has("channel") ? c.channel : null,
      campaign: want.has("campaign") ? c.campaign : null,
    };
    // Campaigns meet case- and spacing-insensitively ("Spring Launch" = "spring  launch"); the row shows the
    // first spelling it met, a lead's before a spend row's (events and credits are slotted first).
    const k = `${key.period}\u0000${key.asset_id}\u0000${key.channel}\u0000${key.campaign === null ? null : matchKey(key.campaign)}`;
    let row = rows.get(k);
    if (!row) {
      row = { key, acc: empty() };
      rows.set(k, row);
    }
    return row.acc;
  };
  for (const e of input.events) {
    for (const acc of [slot(e), total]) {
      acc.views += e.views;
      acc.submissions += e.submissions;
      acc.newLeads += e.newLeads;
      acc.referralLeads += e.referralLeads;
    }
  }
  for (const c of input.credits) {
    for (const acc of [slot(c), total]) {
      acc.leads += c.leads;
      acc.mqls += c.mqls;
      acc.accepted += c.accepted;
      acc.won += c.won;
      acc.revenueMinor += c.revenueMinor;
      mergeHistogram(acc.hist, c.hist);
    }
  }
  for (const s of input.spend) for (const acc of [slot(s), total]) acc.spendMinor += s.amountMinor;

  const cmp = (a: string | number | null, b: string | number | null) =>
    a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1;
  const out = [...rows.values()]
    .map(({ key, acc }) => ({ ...key, ...figures(acc, input.model) }))
    .sort(
      (a, b) =>
        cmp(a.period, b.period) ||
        cmp(a.asset_id, b.asset_id) ||
        cmp(a.channel, b.channel) ||
        cmp(a.campaign, b.campaign),
    );
  return { rows: out, totals: figures(total, input.model) };
}
