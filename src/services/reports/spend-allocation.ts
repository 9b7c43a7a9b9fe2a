// Spreading recorded spend over days and over the assets its leads came through, in integer minor units.
import { apportion } from "../../domain/apportion";
import { eachDay } from "../../domain/report-days";

/**
 * A spend row and what it is tied to. Channel, source, medium and campaign are match keys (matchKey of
 * src/domain/utm.ts) or null for "any"; channel is only a tie the marketer chose, never one derived from
 * the UTMs (those match the leads' own UTMs, whatever channel they gave the leads).
 */
export interface SpendRecord {
  id: number;
  assetId: number | null;
  channel: string | null;
  source: string | null;
  medium: string | null;
  campaign: string | null;
  /** The channel shown for spend that meets no lead: the tie, or the one the UTMs give a touch. */
  label: { channel: string; campaign: string };
  dayFrom: string;
  dayTo: string;
  /** Amount in the reporting currency, minor units (spread evenly over the days). */
  reportingMinor: number;
  /**
   * Instead of spreading reportingMinor: the amount of each day from dayFrom to dayTo, already in the
   * reporting currency (a foreign amount converted at each day's own rate; 0 where no rate was known).
   */
  perDay?: number[];
}

/** Credited leads of an asset × channel × UTM keys in a month (YYYY-MM), under the chosen model. */
export interface LeadCell {
  assetId: number;
  month: string;
  channel: string;
  /** Match keys of the touches' utm_campaign, utm_source, utm_medium ("" for none). */
  campaign: string;
  source: string;
  medium: string;
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

/** Does a lead cell fall under a spend record's ties (asset, channel, UTM source/medium/campaign)? */
function spendCovers(s: SpendRecord, c: LeadCell): boolean {
  return (
    (s.assetId === null || c.assetId === s.assetId) &&
    (s.channel === null || c.channel === s.channel) &&
    (s.source === null || c.source === s.source) &&
    (s.medium === null || c.medium === s.medium) &&
    (s.campaign === null || c.campaign === s.campaign) &&
    c.month >= s.dayFrom.slice(0, 7) &&
    c.month <= s.dayTo.slice(0, 7)
  );
}

/**
 * 1. A record's amount is split evenly over its days (largest remainder, so the days add up exactly);
 *    only days within [from, to] are kept. Days that fall in the same report period (`periodOf`) are
 *    summed first, per record filter, so a year of daily campaign rows is spread once per period.
 * 2. Spend tied to an asset stays on that asset. Spend tied only to a channel and/or campaign is spread
 *    over the assets × channels × campaigns whose leads it covers, in proportion to the leads the
 *    attribution model credits them in the calendar months the record covers (a month, not the day,
 *    so a day of spend without a lead still lands on the assets the campaign feeds). With no such
 *    leads it stays unattributed (assetId null), still counted in totals.
 * Every cell is an integer and the cells add up to the in-range spend exactly. A cell's `day` is the
 * first in-range day of its period.
 */
export function allocateSpend(
  records: SpendRecord[],
  cells: LeadCell[],
  range: { from: string; to: string },
  periodOf: (day: string) => string = (d) => d,
): SpendCell[] {
  // Cells by month, and weights computed once per distinct filter × month span.
  const byMonth = new Map<string, LeadCell[]>();
  for (const c of cells) byMonth.set(c.month, [...(byMonth.get(c.month) ?? []), c]);
  const weightCache = new Map<
    string,
    { assetId: number; channel: string; campaign: string; leads: number }[]
  >();
  const targetsOf = (s: SpendRecord) => {
    const key = JSON.stringify([
      s.channel,
      s.source,
      s.medium,
      s.campaign,
      s.dayFrom.slice(0, 7),
      s.dayTo.slice(0, 7),
    ]);
    const hit = weightCache.get(key);
    if (hit) return hit;
    const weights = new Map<
      string,
      { assetId: number; channel: string; campaign: string; leads: number }
    >();
    for (const [month, list] of byMonth) {
      if (month < s.dayFrom.slice(0, 7) || month > s.dayTo.slice(0, 7)) continue;
      for (const c of list) {
        if (!spendCovers(s, c)) continue;
        const k = `${c.assetId}\u0000${c.channel}\u0000${c.campaign}`;
        const w = weights.get(k) ?? {
          assetId: c.assetId,
          channel: c.channel,
          campaign: c.campaign,
          leads: 0,
        };
        w.leads += c.leads;
        weights.set(k, w);
      }
    }
    const targets = [...weights.values()]
      .filter((w) => w.leads > 1e-9)
      .sort(
        (x, y) =>
          x.assetId - y.assetId ||
          x.channel.localeCompare(y.channel) ||
          x.campaign.localeCompare(y.campaign),
      );
    weightCache.set(key, targets);
    return targets;
  };

  // Step 1: in-range amounts per (record filter, period).
  const groups = new Map<string, { record: SpendRecord; day: string; amount: number }>();
  for (const s of records) {
    const days = eachDay(s.dayFrom, s.dayTo);
    const perDay =
      s.perDay ??
      apportion(
        s.reportingMinor,
        days.map(() => 1),
      ) ??
      days.map(() => 0);
    const ties = [s.channel, s.source, s.medium, s.campaign];
    const filter =
      s.assetId !== null
        ? JSON.stringify([s.assetId, ...ties, s.label.campaign])
        : JSON.stringify([null, ...ties, s.dayFrom.slice(0, 7), s.dayTo.slice(0, 7)]);
    days.forEach((day, i) => {
      if (day < range.from || day > range.to || !perDay[i]) return;
      const key = `${filter}\u0000${periodOf(day)}`;
      const g = groups.get(key);
      if (g) g.amount += perDay[i]!;
      else groups.set(key, { record: s, day, amount: perDay[i]! });
    });
  }

  // Step 2: each group onto its asset, or spread by the model's leads.
  const out: SpendCell[] = [];
  for (const { record: s, day, amount } of groups.values()) {
    if (amount === 0) continue;
    const own = s.label;
    if (s.assetId !== null) {
      out.push({ assetId: s.assetId, day, ...own, amountMinor: amount });
      continue;
    }
    const targets = targetsOf(s);
    const parts = apportion(
      amount,
      targets.map((t) => t.leads),
    );
    if (!parts) {
      out.push({ assetId: null, day, ...own, amountMinor: amount });
      continue;
    }
    targets.forEach((t, i) => {
      if (parts[i])
        out.push({
          assetId: t.assetId,
          day,
          channel: t.channel,
          campaign: t.campaign,
          amountMinor: parts[i]!,
        });
    });
  }
  return out;
}
