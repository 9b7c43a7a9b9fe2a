// Spend records: create, list, delete, and the idempotent CSV import with preview.
import type { Db } from "../../env";
import { AppError } from "../../errors";
import { assetIdExists } from "../../store/assets";
import { deleteSpendById, insertImportedSpend, insertSpend, spendPage, storedImportKeys, type Spend } from "../../store/spend";
import { deriveChannel } from "../../domain/channel";
import { sha256Hex } from "../../domain/encoding";
import { convertMinor, parseRate } from "../../domain/money";
import type { SpendInput } from "./spend-input";
import { parseCsv, CsvSyntaxError } from "../../domain/csv";
import { guessMapping, missingFields, readSpendRows, type ColumnMapping, type RowError } from "./import-rows";

export type SpendRow = Spend;

/** The largest cost report accepted in one import (API body or dashboard upload). */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

export interface Conversion {
  reportingMinor: number;
}

/** Reporting-currency amount, or a refusal that says exactly what is missing. */
export function toReporting(amountMinor: number, currency: string, reporting: string, rates: Record<string, string | undefined>): { ok: true; minor: number } | { ok: false; reason: string } {
  if (currency === reporting) return { ok: true, minor: amountMinor };
  const rateText = rates[currency];
  const rate = rateText ? parseRate(rateText) : null;
  if (rate === null) return { ok: false, reason: `${currency} is not the reporting currency (${reporting}); give a rate for ${currency} (how many ${reporting} one ${currency} is worth) or convert the amount first` };
  return { ok: true, minor: convertMinor(amountMinor, currency, reporting, rate) };
}

async function assertAssetExists(db: Db, assetId: number | undefined) {
  if (assetId === undefined) return;
  if (!(await assetIdExists(db, assetId))) throw new AppError("BAD_REQUEST", "Some fields are invalid", { details: { fields: { asset_id: ["No asset has this id"] } } });
}

/** The channel a spend belongs to: as given, or derived from its UTM source/medium like a touch's. */
function channelOf(input: { channel?: string; utm_source?: string; utm_medium?: string }): string | null {
  if (input.channel) return input.channel;
  if (input.utm_medium || input.utm_source) return deriveChannel({ utmSource: input.utm_source, utmMedium: input.utm_medium, referrerHost: null, referred: false });
  return null;
}

export async function createSpend(db: Db, input: SpendInput, ctx: { now: number; reportingCurrency: string }): Promise<SpendRow> {
  await assertAssetExists(db, input.asset_id);
  const conv = toReporting(input.amount_minor, input.currency, ctx.reportingCurrency, { [input.currency]: input.fx_rate });
  if (!conv.ok) throw new AppError("BAD_REQUEST", conv.reason, { details: { fields: { fx_rate: [conv.reason] } } });
  return insertSpend(db, {
    assetId: input.asset_id ?? null,
    channel: channelOf(input),
    utmSource: input.utm_source ?? null,
    utmMedium: input.utm_medium ?? null,
    utmCampaign: input.utm_campaign ?? null,
    dayFrom: input.day_from,
    dayTo: input.day_to ?? input.day_from,
    amountMinor: input.amount_minor,
    currency: input.currency,
    reportingMinor: conv.minor,
    impressions: input.impressions ?? null,
    clicks: input.clicks ?? null,
    createdAt: ctx.now,
  });
}

export async function listSpend(db: Db, opts: { limit: number; before?: number; assetId?: number }): Promise<{ rows: SpendRow[]; nextCursor: number | null }> {
  const rows = await spendPage(db, opts);
  const more = rows.length > opts.limit;
  const page = rows.slice(0, opts.limit);
  return { rows: page, nextCursor: more ? page.at(-1)!.id : null };
}

export async function deleteSpend(db: Db, id: number): Promise<void> {
  if (!(await deleteSpendById(db, id))) throw new AppError("NOT_FOUND", "No spend record has this id");
}

export interface ImportRequest {
  csv: string;
  mapping?: ColumnMapping;
  /** What every row is tied to besides its campaign: an asset, a channel, UTM source/medium. */
  target: { asset_id?: number; channel?: string; utm_source?: string; utm_medium?: string };
  /** Currency of rows when the file has no currency column. */
  currency?: string;
  rates: Record<string, string>;
  dryRun: boolean;
}

export interface ImportPreviewRow {
  line: number;
  day: string;
  campaign: string | null;
  amount_minor: number;
  currency: string;
  reporting_minor: number;
  impressions: number | null;
  clicks: number | null;
  duplicate: boolean;
}

export interface ImportResult {
  headers: string[];
  mapping: ColumnMapping;
  /** Required columns the mapping does not find; nothing is read until they are mapped. */
  missing: string[];
  rows: ImportPreviewRow[];
  errors: RowError[];
  imported: number;
  duplicates: number;
  dry_run: boolean;
}

/**
 * Preview (dry run) or import. All or nothing: with any bad row nothing is written and every bad row
 * is listed with its line. Each row's import key hashes its content and its occurrence number among
 * identical rows in the file, so importing the same file again adds nothing.
 */
export async function importSpend(db: Db, req: ImportRequest, ctx: { now: number; reportingCurrency: string }): Promise<ImportResult> {
  await assertAssetExists(db, req.target.asset_id);
  let records;
  try {
    records = parseCsv(req.csv);
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw new AppError("BAD_REQUEST", err.message, { details: { rows: [{ line: err.line, field: null, reason: err.message }] } });
    throw err;
  }
  const headers = records[0]?.cells.map((h) => h.trim()) ?? [];
  if (records[0]) records[0] = { ...records[0], cells: headers };
  const mapping = { ...guessMapping(headers), ...Object.fromEntries(Object.entries(req.mapping ?? {}).filter(([, v]) => v)) };
  const missing = missingFields(mapping, headers);
  const base = { headers, mapping, missing, rows: [], errors: [], imported: 0, duplicates: 0, dry_run: req.dryRun };
  if (missing.length) return base;
  if (!req.target.asset_id && !req.target.channel && !req.target.utm_source && !req.target.utm_medium && !mapping.campaign) {
    throw new AppError("BAD_REQUEST", "Some fields are invalid", { details: { fields: { asset_id: ["Without a campaign column, tie the rows to an asset or a channel"] } } });
  }

  const { rows, errors } = readSpendRows(records, mapping, req.currency ?? ctx.reportingCurrency);
  const channel = channelOf(req.target);
  const seen = new Map<string, number>();
  const prepared = [];
  for (const r of rows) {
    const conv = toReporting(r.costMinor, r.currency, ctx.reportingCurrency, req.rates);
    if (!conv.ok) {
      errors.push({ line: r.line, field: "currency", reason: conv.reason });
      continue;
    }
    const identity = JSON.stringify([req.target.asset_id ?? null, channel, req.target.utm_source ?? null, req.target.utm_medium ?? null, r.campaign, r.day, r.currency, r.costMinor, r.impressions, r.clicks]);
    const nth = (seen.get(identity) ?? 0) + 1;
    seen.set(identity, nth);
    prepared.push({ r, reportingMinor: conv.minor, key: `csv:${await sha256Hex(`${identity}#${nth}`)}` });
  }
  errors.sort((a, b) => a.line - b.line);

  const existing = await storedImportKeys(db, prepared.map((p) => p.key));
  const preview: ImportPreviewRow[] = prepared.map(({ r, reportingMinor, key }) => ({
    line: r.line, day: r.day, campaign: r.campaign, amount_minor: r.costMinor, currency: r.currency, reporting_minor: reportingMinor, impressions: r.impressions, clicks: r.clicks, duplicate: existing.has(key),
  }));
  const duplicates = preview.filter((p) => p.duplicate).length;
  if (req.dryRun || errors.length) return { ...base, rows: preview, errors, duplicates };

  const fresh = prepared.filter((p) => !existing.has(p.key));
  const imported = await insertImportedSpend(
    db,
    fresh.map(({ r, reportingMinor, key }) => ({
      assetId: req.target.asset_id ?? null, channel, utmSource: req.target.utm_source ?? null, utmMedium: req.target.utm_medium ?? null, utmCampaign: r.campaign,
      dayFrom: r.day, dayTo: r.day, amountMinor: r.costMinor, currency: r.currency, reportingMinor, impressions: r.impressions, clicks: r.clicks, importKey: key, createdAt: ctx.now,
    })),
  );
  return { ...base, rows: preview, errors, imported, duplicates: duplicates + (fresh.length - imported) };
}
