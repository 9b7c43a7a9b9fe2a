// The idempotent import of an ad platform's cost report as downloaded: read it, preview, store new rows only.
import type { Db } from "../../env";
import { AppError } from "../../errors";
import { insertImportedSpend, storedImportKeys } from "../../store/spend";
import { sha256Hex } from "../../domain/encoding";
import { CsvSyntaxError } from "../../domain/csv";
import {
  type AdExport,
  type AdPlatform,
  type ColumnMapping,
  decodeExport,
  type ExportEncoding,
  type RowError,
  readAdExport,
  type Skipped,
} from "../../domain/ad-exports";
import { assertAssetExists, channelOf, toReporting } from "./spend-service";

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
  reporting_minor: number;
  impressions: number | null;
  clicks: number | null;
  duplicate: boolean;
}

export interface ImportResult {
  platform: AdPlatform;
  encoding: string;
  account: string | null;
  /** Lines that are not rows — title block, blank, platform totals, notes — by kind, with their lines. */
  skipped: Skipped[];
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
export async function importSpend(
  db: Db,
  req: ImportRequest,
  ctx: { now: number; reportingCurrency: string },
): Promise<ImportResult> {
  await assertAssetExists(db, req.target.asset_id);
  let text: string;
  let encoding: string = req.encoding ?? "utf-8";
  if (typeof req.csv === "string") text = req.csv;
  else {
    const decoded = decodeExport(req.csv);
    if (!decoded.ok) throw badFile(1, decoded.reason);
    text = decoded.text;
    encoding = decoded.encoding satisfies ExportEncoding;
  }
  let file: AdExport;
  try {
    file = readAdExport(text, {
      mapping: req.mapping,
      currency: req.currency ?? ctx.reportingCurrency,
    });
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw badFile(err.line, err.message);
    throw err;
  }
  const { headers, mapping, missing } = file;
  const base = {
    platform: file.platform,
    encoding,
    account: file.account,
    skipped: file.skipped,
    headers,
    mapping,
    missing,
    rows: [],
    errors: [],
    imported: 0,
    duplicates: 0,
    dry_run: req.dryRun,
  };
  if (missing.length) return base;
  if (
    !req.target.asset_id &&
    !req.target.channel &&
    !req.target.utm_source &&
    !req.target.utm_medium &&
    !mapping.campaign
  ) {
    throw new AppError("BAD_REQUEST", "Some fields are invalid", {
      details: {
        fields: { asset_id: ["Without a campaign column, tie the rows to an asset or a channel"] },
      },
    });
  }

  const { rows } = file;
  const errors: RowError[] = [...file.errors];
  const channel = channelOf(req.target);
  const seen = new Map<string, number>();
  const prepared = [];
  for (const r of rows) {
    const conv = toReporting(r.costMinor, r.currency, ctx.reportingCurrency, req.rates);
    if (!conv.ok) {
      errors.push({ line: r.line, field: "currency", reason: conv.reason });
      continue;
    }
    const identity = JSON.stringify([
      req.target.asset_id ?? null,
      channel,
      req.target.utm_source ?? null,
      req.target.utm_medium ?? null,
      r.campaign,
      // A one-day row keeps the key it had before rows could cover a range.
      r.dayTo === r.dayFrom ? r.dayFrom : `${r.dayFrom}..${r.dayTo}`,
      r.currency,
      r.costMinor,
      r.impressions,
      r.clicks,
    ]);
    const nth = (seen.get(identity) ?? 0) + 1;
    seen.set(identity, nth);
    prepared.push({
      r,
      reportingMinor: conv.minor,
      key: `csv:${await sha256Hex(`${identity}#${nth}`)}`,
    });
  }
  errors.sort((a, b) => a.line - b.line);

  const existing = await storedImportKeys(
    db,
    prepared.map((p) => p.key),
  );
  const preview: ImportPreviewRow[] = prepared.map(({ r, reportingMinor, key }) => ({
    line: r.line,
    day: r.dayFrom,
    day_to: r.dayTo,
    campaign: r.campaign,
    account: r.account,
    amount_minor: r.costMinor,
    currency: r.currency,
    reporting_minor: reportingMinor,
    impressions: r.impressions,
    clicks: r.clicks,
    duplicate: existing.has(key),
  }));
  const duplicates = preview.filter((p) => p.duplicate).length;
  if (req.dryRun || errors.length) return { ...base, rows: preview, errors, duplicates };

  const fresh = prepared.filter((p) => !existing.has(p.key));
  const imported = await insertImportedSpend(
    db,
    fresh.map(({ r, reportingMinor, key }) => ({
      assetId: req.target.asset_id ?? null,
      channel,
      utmSource: req.target.utm_source ?? null,
      utmMedium: req.target.utm_medium ?? null,
      utmCampaign: r.campaign,
      dayFrom: r.dayFrom,
      dayTo: r.dayTo,
      amountMinor: r.costMinor,
      currency: r.currency,
      reportingMinor,
      impressions: r.impressions,
      clicks: r.clicks,
      importKey: key,
      createdAt: ctx.now,
    })),
  );
  return {
    ...base,
    rows: preview,
    errors,
    imported,
    duplicates: duplicates + (fresh.length - imported),
  };
}

/** A file that cannot be read at all: a 400 naming the line, as a bad row would be. */
function badFile(line: number, reason: string) {
  return new AppError("BAD_REQUEST", reason, {
    details: { rows: [{ line, field: null, reason }] },
  });
}
