// The import preview's campaigns: what each campaign in a file is tied to and how many leads it will meet.
import type { Db } from "../../env";
import { knownCampaigns, leadsOfCampaigns } from "../../store/rollups";
import { mappingsFor } from "../../store/spend-campaign-mappings";
import { matchKey } from "../../domain/utm";
import { rollUpTouches } from "../reports/touch-credit";
import type { SpendDay } from "../../domain/spend-days";

/** Where a campaign's spend goes: the utm_campaign of its leads and/or an asset. */
export interface CampaignTie {
  utm_campaign: string | null;
  asset_id: number | null;
  /** saved: from an earlier import's mapping; given: in this request; file: the file's own campaign name. */
  from: "saved" | "given" | "file";
}

export interface PreviewCampaign {
  campaign: string | null;
  days: number;
  day_from: string;
  day_to: string;
  amount_minor: number;
  currency: string;
  tie: CampaignTie;
  /** Leads the spend will meet in the months of its days (credited under the linear model, one decimal). */
  leads: number;
  meets_none: boolean;
}

export type CampaignMap = Record<
  string,
  { utm_campaign?: string | null; asset_id?: number | null }
>;

/** The tie of every campaign key in the file: given in the request, else saved, else the file's name. */
export async function campaignTies(
  db: Db,
  where: { platform: string | null; account: string | null },
  campaigns: (string | null)[],
  given: CampaignMap,
  defaultAsset: number | null,
): Promise<Map<string, CampaignTie>> {
  const keys = [...new Set(campaigns.map(matchKey))];
  const saved = await mappingsFor(db, where.platform ?? "", where.account ?? "", keys);
  const savedByKey = new Map(saved.map((m) => [m.campaignKey, m]));
  const givenByKey = new Map(Object.entries(given).map(([k, v]) => [matchKey(k), v]));
  const ties = new Map<string, CampaignTie>();
  for (const c of campaigns) {
    const key = matchKey(c);
    if (ties.has(key)) continue;
    const g = givenByKey.get(key);
    const s = savedByKey.get(key);
    if (g)
      ties.set(key, {
        utm_campaign: g.utm_campaign === undefined ? c : g.utm_campaign,
        asset_id: g.asset_id ?? defaultAsset,
        from: "given",
      });
    else if (s)
      ties.set(key, {
        utm_campaign: s.utmCampaign,
        asset_id: s.assetId ?? defaultAsset,
        from: "saved",
      });
    else ties.set(key, { utm_campaign: c, asset_id: defaultAsset, from: "file" });
  }
  return ties;
}

/**
 * One entry per campaign of the file, with the leads its tie meets in the months its days fall in (the
 * months the report spreads campaign spend over). Also the campaigns that brought leads then, to map onto.
 */
export async function previewCampaigns(
  db: Db,
  days: SpendDay[],
  ties: Map<string, CampaignTie>,
  target: { channel?: string; utm_source?: string | null; utm_medium?: string | null },
  now: number,
): Promise<{ campaigns: PreviewCampaign[]; known: string[] }> {
  if (!days.length) return { campaigns: [], known: [] };
  // The leads captured up to now count: roll the newest touches into campaign_monthly first, as reports do.
  await rollUpTouches(db, now);
  const byKey = new Map<string, SpendDay[]>();
  for (const d of days)
    byKey.set(matchKey(d.campaign), [...(byKey.get(matchKey(d.campaign)) ?? []), d]);
  const months = days.map((d) => d.day.slice(0, 7)).sort();
  const from = months[0]!;
  const to = months.at(-1)!;
  const tieKeys = [...ties.values()].map((t) => matchKey(t.utm_campaign));
  const [cells, known] = await Promise.all([
    leadsOfCampaigns(db, [...new Set(tieKeys)], from, to),
    knownCampaigns(db, from, to),
  ]);
  const source = target.utm_source ? matchKey(target.utm_source) : null;
  const medium = target.utm_medium ? matchKey(target.utm_medium) : null;
  const campaigns = [...byKey].map(([key, list]) => {
    const tie = ties.get(key)!;
    const tieKey = matchKey(tie.utm_campaign);
    const spanned = new Set(list.map((d) => d.day.slice(0, 7)));
    const leads = cells
      .filter(
        (c) =>
          c.campaign === tieKey &&
          spanned.has(c.month) &&
          (tie.asset_id === null || c.assetId === tie.asset_id) &&
          (!target.channel || c.channel === target.channel) &&
          (source === null || c.source === source) &&
          (medium === null || c.medium === medium),
      )
      .reduce((s, c) => s + c.leads, 0);
    const sorted = list.map((d) => d.day).sort();
    return {
      campaign: list[0]!.campaign,
      days: list.length,
      day_from: sorted[0]!,
      day_to: sorted.at(-1)!,
      amount_minor: list.reduce((s, d) => s + d.costMinor, 0),
      currency: list[0]!.currency,
      tie,
      leads: Math.round(leads * 10) / 10,
      // Spend tied to an asset lands on it whatever the leads; only campaign-tied spend can meet nobody.
      meets_none: tie.asset_id === null && leads < 1e-9,
    };
  });
  return { campaigns, known };
}
