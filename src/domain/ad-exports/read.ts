// An ad platform's cost report as downloaded → spend rows, with what was detected and what was skipped.
import { type CsvRecord, type Delimiter, detectDelimiter, parseCsv } from "../csv";
import {
  type ColumnMapping,
  guessMapping,
  headerCurrency,
  headerScore,
  IMPORT_FIELDS,
  type ImportField,
} from "./columns";
import { detectFormat } from "./detect";
import type { AdPlatform } from "./format";
import { type AdExportRow, type RowError, readRow } from "./row";
import { isFooterNote, isTotalLabel, parseDay, titleRange } from "./values";

export type SkipKind = "title" | "blank" | "total" | "note";
export interface Skipped {
  kind: SkipKind;
  lines: number[];
}

export interface AdExport {
  platform: AdPlatform;
  delimiter: Delimiter;
  /** The account the file is for: from its title block, or the one account all its rows name. */
  account: string | null;
  headers: string[];
  mapping: ColumnMapping;
  /** Required columns not found; nothing is read until they are mapped. */
  missing: ImportField[];
  skipped: Skipped[];
  errors: RowError[];
  rows: AdExportRow[];
}

/** How far down a title block may reach before the header. */
const HEADER_SEARCH = 40;

const text = (r: CsvRecord) =>
  r.cells
    .map((c) => c.trim())
    .filter(Boolean)
    .join(", ");
const filled = (r: CsvRecord) => r.cells.filter((c) => c.trim() !== "").length;

/** The header row: the one holding the user's mapped names, else the one naming the most fields. */
function findHeader(records: CsvRecord[], userMapping: ColumnMapping): number {
  const wanted = Object.values(userMapping).filter(Boolean) as string[];
  const first = records.findIndex((r) => filled(r) > 0);
  if (wanted.length) {
    const i = records.findIndex((r) => wanted.every((w) => r.cells.some((c) => c.trim() === w)));
    return i >= 0 ? i : first;
  }
  let best = -1;
  let bestScore = 1;
  records.slice(0, HEADER_SEARCH).forEach((r, i) => {
    const score = headerScore(r.cells.map((c) => c.trim()));
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best >= 0 ? best : first;
}

/** "Account Name: Acme", "Customer ID: 123-456-7890", "账户：某某" in a title block. */
function titleAccount(title: string[]): string | null {
  for (const line of title) {
    const m =
      /^(?:account(?: name| id)?|customer id|账户(?:名称|id)?|广告主)\s*[:：]\s*(.+)$/i.exec(line);
    if (m) return m[1]!.trim();
  }
  return null;
}

export function readAdExport(
  source: string,
  opts: { mapping?: ColumnMapping; currency: string },
): AdExport {
  const delimiter = detectDelimiter(source);
  const records = parseCsv(source, { delimiter, keepBlank: true });
  const userMapping = Object.fromEntries(
    Object.entries(opts.mapping ?? {}).filter(([, v]) => v),
  ) as ColumnMapping;
  const h = findHeader(records, userMapping);
  const skipped: Record<SkipKind, number[]> = { title: [], blank: [], total: [], note: [] };
  const base = { delimiter, skipped: [], errors: [], rows: [] };
  if (h < 0)
    return {
      ...base,
      platform: "csv",
      account: null,
      headers: [],
      mapping: {},
      missing: ["day", "cost"],
      errors: [{ line: 1, field: null, reason: "The file is empty" }],
    };

  const above = records.slice(0, h);
  for (const r of above) skipped[filled(r) ? "title" : "blank"].push(r.line);
  const title = above.filter((r) => filled(r)).map(text);
  const header = records[h]!;
  const headers = header.cells.map((c) => c.trim());
  const body = records.slice(h + 1);
  const format = detectFormat({
    title,
    headers: headers.map((c) => c.toLowerCase()),
    tail: body.filter((r) => filled(r) === 1).map(text),
  });
  const mapping = { ...guessMapping(headers, format.columns), ...userMapping };
  const mdy = format.mdy ?? false;
  const range = mapping.day ? null : titleRange(title, mdy);
  const missing = (["day", "cost"] as const).filter(
    (f) => !(mapping[f] && headers.includes(mapping[f])) && !(f === "day" && range),
  );
  const result = (extra: Partial<AdExport>): AdExport => ({
    ...base,
    platform: format.platform,
    account: titleAccount(title),
    headers,
    mapping,
    missing,
    ...extra,
    skipped: Object.entries(skipped)
      .filter(([, lines]) => lines.length)
      .map(([kind, lines]) => ({ kind: kind as SkipKind, lines })),
  });
  if (missing.length) return result({});

  const index = Object.fromEntries(
    IMPORT_FIELDS.filter((f) => mapping[f]).map((f) => [f, headers.indexOf(mapping[f]!)]),
  ) as Partial<Record<ImportField, number>>;
  const currency =
    (mapping.cost && headerCurrency(mapping.cost)) ?? format.billingCurrency ?? opts.currency;
  const ctx = { mdy, currency, range, account: titleAccount(title) };
  const rows: AdExportRow[] = [];
  const errors: RowError[] = [];
  for (const r of body) {
    const cell = Object.fromEntries(
      Object.entries(index).map(([f, i]) => [f, r.cells[i!] ?? ""]),
    ) as Partial<Record<ImportField, string>>;
    const dayIsDate = cell.day !== undefined && parseDay(cell.day, mdy) !== null;
    if (!filled(r)) skipped.blank.push(r.line);
    else if (
      (!dayIsDate && r.cells.slice(0, 3).some(isTotalLabel)) ||
      (format.isSummary?.(cell) ?? false)
    )
      skipped.total.push(r.line);
    // A line of text in the first column under the table (a footer, a note): not a row.
    else if (filled(r) === 1 && !dayIsDate && (isFooterNote(text(r)) || r.cells[0]?.trim()))
      skipped.note.push(r.line);
    else {
      const read = readRow(r.line, cell, ctx);
      if ("row" in read) rows.push(read.row);
      else errors.push(...read.errors);
    }
  }
  if (!rows.length && !errors.length)
    errors.push({ line: header.line, field: null, reason: "The file has a header but no rows" });
  const accounts = new Set(rows.map((r) => r.account));
  const account = ctx.account ?? (accounts.size === 1 ? [...accounts][0]! : null);
  return result({ rows, errors, account });
}
