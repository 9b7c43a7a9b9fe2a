// Spreading recorded spend over days and over the assets its leads came through, in integer minor units.
import { apportion } from "./apportion";
import { eachDay } from "./days";

export interface SpendRecord {
  id: number;
  assetId: number | null;
  channel: string | null;
  campaign: string | null;
  dayFrom: string;
  dayTo: string;
  /** Amount in the reporting currency, minor units. */
  reportingMinor: number;
}

/** Credited leads of an asset × channel × campaign in a month (YYYY-MM), under the chosen model. */
export interface LeadCell {
  assetId: number;
  month: string;
  channel: string;
  campaign: string;
  leads: number;
}

export interface SpendCell {
  /** null: campaign or channel spend whose leads came through no asset yet ("unattributed"). */
  assetId: number | null;
  day: string;
  channel: string;
  campaign: string;
  amountMinor: number;
}

/** Does a lead cell fall under a spend record's channel/campaign (and asset) filters? */
export function spendCovers(s: SpendRecord, c: LeadCell): boolean {
  return (s.assetId === null || c.assetId === s.assetId) && (s.channel === null || c.channel === s.channel) && (s.campaign === null || c.campaign === s.campaign) && c.month >= s.dayFrom.slice(0, 7) && c.month <= s.dayTo.slice(0, 7);
}

/**
 * 1. A record's amount is split evenly over its days (largest remainder, so the days add up exactly);
 *    only days within [from, to] are kept.
 * 2. Spend tied to an asset stays on that asset. Spend tied only to a channel and/or campaign is spread
 *    over the assets × channels × campaigns whose leads it covers, in proportion to the leads the
 *    attribution model credits them in the calendar months the record covers (a month, not the day,
 *    so a day of spend without a lead still lands on the assets the campaign feeds). With no such
 *    leads it stays unattributed (assetId null), still counted in totals.
 * Every cell is an integer and the cells of a record add up to its in-range amount exactly.
 */
export function allocateSpend(records: SpendRecord[], cells: LeadCell[], range: { from: string; to: string }): SpendCell[] {
  const out: SpendCell[] = [];
  for (const s of records) {
    const days = eachDay(s.dayFrom, s.dayTo);
    const perDay = apportion(s.reportingMinor, days.map(() => 1)) ?? days.map(() => 0);
    const inRange = days.map((day, i) => ({ day, amount: perDay[i]! })).filter((d) => d.day >= range.from && d.day <= range.to && d.amount !== 0);
    if (!inRange.length) continue;

    const own = { channel: s.channel ?? "", campaign: s.campaign ?? "" };
    if (s.assetId !== null) {
      for (const d of inRange) out.push({ assetId: s.assetId, day: d.day, ...own, amountMinor: d.amount });
      continue;
    }
    const weights = new Map<string, { assetId: number; channel: string; campaign: string; leads: number }>();
    for (const c of cells) {
      if (!spendCovers(s, c)) continue;
      const key = `${c.assetId}\u0000${c.channel}\u0000${c.campaign}`;
      const w = weights.get(key) ?? { assetId: c.assetId, channel: c.channel, campaign: c.campaign, leads: 0 };
      w.leads += c.leads;
      weights.set(key, w);
    }
    const targets = [...weights.values()].filter((w) => w.leads > 1e-9).sort((x, y) => x.assetId - y.assetId || x.channel.localeCompare(y.channel) || x.campaign.localeCompare(y.campaign));
    for (const d of inRange) {
      const parts = apportion(d.amount, targets.map((t) => t.leads));
      if (!parts) {
        out.push({ assetId: null, day: d.day, ...own, amountMinor: d.amount });
        continue;
      }
      targets.forEach((t, i) => {
        if (parts[i]) out.push({ assetId: t.assetId, day: d.day, channel: t.channel, campaign: t.campaign, amountMinor: parts[i]! });
      });
    }
  }
  return out;
}
