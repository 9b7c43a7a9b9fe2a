// Reading a spend file into rows: the CSV parsed, columns found, every row checked, bad lines named.
import { AppError } from "../../errors";
import { parseCsv, CsvSyntaxError, type CsvRecord } from "../../domain/csv";
import type { SpendFileRow } from "../../domain/spend-days";
import {
  guessMapping,
  missingFields,
  readSpendRows,
  type ColumnMapping,
  type RowError,
} from "./import-rows";

export interface SpendFile {
  /** The ad platform the file is from, when it can be told; null for a generic CSV. */
  platform: string | null;
  account: string | null;
  headers: string[];
  mapping: ColumnMapping;
  missing: string[];
  rows: SpendFileRow[];
  errors: RowError[];
}

/** Parses a cost report; a mapping given by the user wins over the guessed one. */
export function readSpendFile(
  csv: string,
  opts: { mapping?: ColumnMapping; currency: string; account: string | null },
): SpendFile {
  let records: CsvRecord[];
  try {
    records = parseCsv(csv);
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
    ...Object.fromEntries(Object.entries(opts.mapping ?? {}).filter(([, v]) => v)),
  };
  const missing = missingFields(mapping, headers);
  const empty = { platform: null, account: opts.account, headers, mapping, missing };
  if (missing.length) return { ...empty, rows: [], errors: [] };
  const { rows, errors } = readSpendRows(records, mapping, opts.currency);
  return {
    ...empty,
    rows: rows.map((r) => ({
      line: r.line,
      dayFrom: r.day,
      dayTo: r.day,
      campaign: r.campaign,
      account: opts.account,
      costMinor: r.costMinor,
      currency: r.currency,
      impressions: r.impressions,
      clicks: r.clicks,
    })),
    errors,
  };
}
