// The import of an ad platform's cost report: read it, tie each campaign, preview what it meets, then store
// one row per campaign and day, replacing those days wherever they were imported before.
import type { Db } from "../../env";
import { AppError } from "../../errors";
import { storedImportKeys, upsertImportedSpend } from "../../store/spend";
import { saveMappings } from "../../store/spend-campaign-mappings";
import { currenciesWithoutRate } from "../../store/exchange-rates";
import { spendDayKey, spendDays, type SpendDay } from "../../domain/spend-days";
import { matchKey } from "../../domain/utm";
import { readSpendFile } from "./read-spend-file";
import type { AdPlatform, ColumnMapping, RowError, Skipped } from "../../domain/ad-exports";
import { assertAssetExists, spendTies, toReporting } from "./spend-service";
import {
  campaignTies,
  previewCampaigns,
  type CampaignMap,
  type CampaignTie,
  type PreviewCampaign,
} from "./campaign-preview";

/** The largest cost report accepted in one import (API body or dashboard upload). */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

interface ImportRequest {
  /** The file as uploaded (its encoding is detected), or its text (JSON `csv`, or a dashboard step). */
  csv: string | Uint8Array;
  /** The encoding the text was decoded from on an earlier step, shown again in the preview. */
  encoding?: string;
  mapping?: ColumnMapping;
  /** What every row is tied to besides its campaign: an asset, a channel, UTM source/medium. */
  target: { asset_id?: number; channel?: string; utm_source?: string; utm_medium?: string };
  /** Currency of rows when the file names none (no currency column, none in a header, no platform default). */
  currency?: string;
  rates: Record<string, string>;
  /** The ad platform and account the file is from, when the file does not say. */
  platform?: AdPlatform;
  account?: string;
  /** Campaign of the file → the utm_campaign (or asset) its spend meets; saved for the next import. */
  campaignMap?: CampaignMap;
  dryRun: boolean;
}

export interface ImportPreviewRow {
  line: number;
  day: string;
  day_to: string;
  campaign: string | null;
  account: string | null;
  amount_minor: number;
  currency: string;
  /** Null when the currency converts day by day from exchange_rates. */
  reporting_minor: number | null;
  impressions: number | null;
  clicks: number | null;
  /** Every day of the row is already stored: importing replaces it, never adds to it. */
  duplicate: boolean;
}

export interface ImportResult {
  headers: string[];
  mapping: ColumnMapping;
  /** Required columns the mapping does not find; nothing is read until they are mapped. */
  missing: string[];
  /** The platform the file was read as ("csv" for a plain CSV). */
  platform: AdPlatform;
  encoding: string;
  account: string | null;
  /** Lines that are not rows — title block, blank, platform totals, notes — by kind, with their lines. */
  skipped: Skipped[];
  rows: ImportPreviewRow[];
  campaigns: PreviewCampaign[];
  /** Campaigns that brought leads in the file's months: what a campaign meeting none can be mapped to. */
  known_campaigns: string[];
  /** Currencies with no exchange rate on or before the file's days: reports name them until one is set. */
  missing_rates: string[];
  errors: RowError[];
  /** Days (campaign × day) written that were not stored before. */
  imported: number;
  /** Days already stored, replaced by this file (the same file twice adds nothing). */
  duplicates: number;
  dry_run: boolean;
}

function assertTied(req: ImportRequest, hasCampaigns: boolean) {
  const t = req.target;
  if (t.asset_id || t.channel || t.utm_source || t.utm_medium || hasCampaigns) return;
  throw new AppError("BAD_REQUEST", "Some fields are invalid", {
    details: {
      fields: { asset_id: ["Without a campaign column, tie the rows to an asset or a channel"] },
    },
  });
}

/** The stored row of one day, tied as its campaign is tied. */
function storedDay(
  d: SpendDay,
  tie: CampaignTie,
  req: ImportRequest,
  ctx: { now: number; reportingCurrency: string },
  platform: string | null,
) {
  return {
    assetId: tie.asset_id,
    ...spendTies({ ...req.target, utm_campaign: tie.utm_campaign }),
    dayFrom: d.day,
    dayTo: d.day,
    amountMinor: d.costMinor,
    currency: d.currency,
    reportingMinor: toReporting(d.costMinor, d.currency, ctx.reportingCurrency, req.rates),
    impressions: d.impressions,
    clicks: d.clicks,
    platform,
    account: d.account,
    platformCampaign: d.campaign,
    importKey: d.key,
    createdAt: ctx.now,
  };
}

/**
 * Preview (dry run) or import. All or nothing: with any bad row nothing is written and every bad row is
 * listed with its line. Each day of each campaign is keyed by platform, account, campaign and day, so
 * importing the same days again — with the same tie or another — replaces them.
 */
export async function importSpend(
  db: Db,
  req: ImportRequest,
  ctx: { now: number; reportingCurrency: string },
): Promise<ImportResult> {
  await assertAssetExists(db, req.target.asset_id);
  for (const v of Object.values(req.campaignMap ?? {}))
    if (v.asset_id) await assertAssetExists(db, v.asset_id);
  const file = readSpendFile(req.csv, {
    mapping: req.mapping,
    currency: req.currency ?? ctx.reportingCurrency,
    encoding: req.encoding,
  });
  // A plain CSV has no platform: its days are keyed like the generic imports before platforms were read.
  const platform = req.platform ?? (file.platform === "csv" ? null : file.platform);
  const account = req.account ?? file.account;
  if (req.account) file.rows = file.rows.map((r) => ({ ...r, account: r.account ?? req.account! }));
  const base = {
    headers: file.headers,
    mapping: file.mapping,
    missing: file.missing as string[],
    platform: platform ?? file.platform,
    encoding: file.encoding,
    account,
    skipped: file.skipped,
    rows: [],
    campaigns: [],
    known_campaigns: [],
    missing_rates: [],
    errors: file.errors,
    imported: 0,
    duplicates: 0,
    dry_run: req.dryRun,
  };
  if (file.missing.length) return base;
  assertTied(req, Boolean(file.mapping.campaign));

  const { days, conflicts } = spendDays(file.rows, platform);
  const errors = [
    ...file.errors,
    ...conflicts.map((c) => ({ line: c.line, field: "currency", reason: c.reason })),
  ].sort((a, b) => a.line - b.line);
  const ties = await campaignTies(
    db,
    { platform, account },
    days.map((d) => d.campaign),
    req.campaignMap ?? {},
    req.target.asset_id ?? null,
  );
  const stored = await storedImportKeys(
    db,
    days.map((d) => d.key),
  );
  const foreign = [...new Set(days.map((d) => d.currency))].filter(
    (c) => c !== ctx.reportingCurrency && !req.rates[c],
  );
  const lastDay =
    days
      .map((d) => d.day)
      .sort()
      .at(-1) ?? "9999-12-31";
  const [{ campaigns, known }, missingRates] = await Promise.all([
    previewCampaigns(db, days, ties, req.target, ctx.now),
    currenciesWithoutRate(db, foreign, lastDay),
  ]);
  const rows: ImportPreviewRow[] = file.rows.map((r) => ({
    line: r.line,
    day: r.dayFrom,
    day_to: r.dayTo,
    campaign: r.campaign,
    account: r.account,
    amount_minor: r.costMinor,
    currency: r.currency,
    reporting_minor: toReporting(r.costMinor, r.currency, ctx.reportingCurrency, req.rates),
    impressions: r.impressions,
    clicks: r.clicks,
    duplicate: days.filter((d) => d.lines.includes(r.line)).every((d) => stored.has(d.key)),
  }));
  const duplicates = days.filter((d) => stored.has(d.key)).length;
  const preview = {
    ...base,
    rows,
    campaigns,
    known_campaigns: known,
    missing_rates: missingRates,
    errors,
    duplicates,
  };
  if (req.dryRun || errors.length) return preview;

  // A platform's file replaces the same campaign-days a generic import of it stored before.
  const retire = platform
    ? days.map((d) => spendDayKey(null, null, d.campaign, d.day)).filter((k) => !stored.has(k))
    : [];
  await upsertImportedSpend(
    db,
    days.map((d) => storedDay(d, ties.get(matchKey(d.campaign))!, req, ctx, platform)),
    retire,
  );
  const given = Object.entries(req.campaignMap ?? {});
  if (given.length)
    await saveMappings(
      db,
      given.map(([campaign, v]) => ({
        platform: platform ?? "",
        account: account ?? "",
        campaignKey: matchKey(campaign),
        utmCampaign: v.utm_campaign === undefined ? campaign : v.utm_campaign,
        assetId: v.asset_id ?? null,
        updatedAt: ctx.now,
      })),
    );
  return { ...preview, imported: days.length - duplicates };
}
