// The idempotent CSV import of an ad platform's cost report: map columns, preview, then store new rows only.
import type { Db } from "../../env";
import { AppError } from "../../errors";
import { insertImportedSpend, storedImportKeys } from "../../store/spend";
import { sha256Hex } from "../../domain/encoding";
import { parseCsv, CsvSyntaxError } from "../../domain/csv";
import {
  guessMapping,
  missingFields,
  readSpendRows,
  type ColumnMapping,
  type RowError,
} from "./import-rows";
import { assertAssetExists, spendTies, toReporting } from "./spend-service";

/** The largest cost report accepted in one import (API body or dashboard upload). */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

interface ImportRequest {
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
export async function importSpend(
  db: Db,
  req: ImportRequest,
  ctx: { now: number; reportingCurrency: string },
): Promise<ImportResult> {
  await assertAssetExists(db, req.target.asset_id);
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(req.csv);
  } catch (err) {
    if (err instanceof CsvSyntaxError)
      throw new AppError("BAD_REQUEST", err.message, {
        details: { rows: [{ line: err.line, field: null, reason: err.message }] },
      });
    throw err;
  }
  const headers = records[0]?.cells.map((h) => h.trim()) ?? [];
  if (records[0]) records[0] = { ...records[0], cells: headers };
  const mapping = {
    ...guessMapping(headers),
    ...Object.fromEntries(Object.entries(req.mapping ?? {}).filter(([, v]) => v)),
  };
  const missing = missingFields(mapping, headers);
  const base = {
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

  const { rows, errors } = readSpendRows(records, mapping, req.currency ?? ctx.reportingCurrency);
  const channel = req.target.channel ?? null;
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
      r.day,
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
    day: r.day,
    campaign: r.campaign,
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
      ...spendTies({ ...req.target, utm_campaign: r.campaign }),
      dayFrom: r.day,
      dayTo: r.day,
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
