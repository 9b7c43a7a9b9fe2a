// Cell values of ad exports: days in the spellings platforms write them, counts, date ranges in titles.
import { isValidDay } from "../report-days";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

const ymd = (y: string, m: string | number, d: string | number): string | null => {
  const day = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  return isValidDay(day) ? day : null;
};

/**
 * A day from a cell: 2026-11-01, 2026/11/1, 2026.11.1, 20261101, 2026年11月1日, "Nov 1, 2026",
 * "Sunday, November 1, 2026", and — only where the platform writes US dates (`mdy`) — 11/1/2026. A
 * time after the day ("2026-11-01 00:00:00", "11/1/2026, 12:00 AM") is dropped. Else null: a day
 * is never guessed (1/2/2026 is refused unless the platform says which order it means).
 */
export function parseDay(v: string, mdy = false): string | null {
  const s = v.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T,].*)?$/.exec(s);
  if (m) return ymd(m[1]!, m[2]!, m[3]!);
  m = /^(\d{4})年\s*(\d{1,2})月\s*(\d{1,2})日?/.exec(s);
  if (m) return ymd(m[1]!, m[2]!, m[3]!);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return ymd(m[1]!, m[2]!, m[3]!);
  m = /^(?:[A-Za-z]+,?\s+)?([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b/.exec(s);
  if (m) {
    const month = MONTHS.indexOf(m[1]!.toLowerCase()) + 1;
    return month ? ymd(m[3]!, month, m[2]!) : null;
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ ,].*)?$/.exec(s);
  if (m && mdy) return ymd(m[3]!, m[1]!, m[2]!);
  return null;
}

/** "1,234", "1 234", "" and "--" (no data) → number or null; anything else is an error (undefined). */
export function parseCount(v: string): number | null | undefined {
  const s = v.trim().replace(/[,\s]/g, "");
  if (s === "" || /^-{1,2}$/.test(s)) return null;
  if (/^\d+$/.test(s)) return Number(s);
  // Meta and Google write averaged counts with decimals only in other columns; a "12.00" count is 12.
  if (/^\d+\.0+$/.test(s)) return Number(s.split(".")[0]);
  return undefined;
}

/**
 * The period a report covers, from its title lines: "November 1, 2026 - November 30, 2026",
 * "Report Time: 11/1/2026 - 11/30/2026", "时间范围：2026-11-01 至 2026-11-30", or a pair of
 * "Report Start: …" / "Report End: …" lines. Used only when the rows have no day column.
 */
export function titleRange(lines: string[], mdy: boolean): { from: string; to: string } | null {
  let start: string | null = null;
  let end: string | null = null;
  for (const line of lines) {
    const value = line.replace(/^[^:：]*[:：]\s*/, (p) => (/\d/.test(p) ? p : ""));
    const parts = value.split(/\s+(?:-|–|—|to|至|~)\s+|\s*[~至]\s*/);
    if (parts.length === 2) {
      const from = parseDay(parts[0]!, mdy);
      const to = parseDay(parts[1]!, mdy);
      if (from && to && from <= to) return { from, to };
    }
    if (/^(report )?start/i.test(line)) start = parseDay(value, mdy);
    if (/^(report )?end/i.test(line)) end = parseDay(value, mdy);
  }
  return start && end && start <= end ? { from: start, to: end } : null;
}

/** "Total", "Total: Account", "Totals", "Grand total", 合计, 总计, 汇总 — a platform's sum, not a row. */
export function isTotalLabel(v: string): boolean {
  const s = v.trim();
  return (
    /^(grand\s+)?totals?(\s*[:：-].*)?$/i.test(s) || /^(合计|总计|汇总|总和)([:：].*)?$/.test(s)
  );
}

/** The copyright or note line some platforms write under the table (Microsoft's "©2026 Microsoft …"). */
export function isFooterNote(v: string): boolean {
  return /©|\(c\)\s*\d{4}|copyright|all rights reserved|版权所有/i.test(v);
}
