// CSV as RFC 4180 records with the source line each starts on, and CSV out with formula-injection guards.

export interface CsvRecord {
  /** 1-based line of the file where the record starts (quoted fields may span lines). */
  line: number;
  cells: string[];
}

export type Delimiter = "," | "\t" | ";";

/**
 * The delimiter of a file whose first lines may be report titles: the candidate that splits the most
 * of the first 50 lines into the same number of cells (quoted text ignored). Ties go to tab, then
 * comma, then semicolon: a tab file's amounts may hold thousands commas, a comma file has no tabs.
 */
export function detectDelimiter(text: string): Delimiter {
  const lines = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n|\r/, 50)
    .map((l) => l.replace(/"(?:[^"]|"")*"?/g, ""));
  let best: { d: Delimiter; score: number } = { d: ",", score: 0 };
  for (const d of ["\t", ",", ";"] as const) {
    const counts = new Map<number, number>();
    for (const l of lines) {
      const n = l.split(d).length - 1;
      if (n > 0) counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    for (const [n, times] of counts) {
      const score = times * 1000 + n;
      if (score > best.score) best = { d, score };
    }
  }
  return best.d;
}

/**
 * A small state machine rather than a library: import errors must name the physical line of a row,
 * which row-indexed parsers lose as soon as a quoted cell holds a newline. Accepts CRLF or LF, a UTF-8
 * BOM, quoted cells with doubled quotes, and a "," tab or ";" delimiter (detected unless given).
 * Blank lines are skipped unless `keepBlank` (then they come back as one empty cell). Throws on an
 * unterminated quote, naming the line it opened on.
 */
export function parseCsv(
  text: string,
  opts: { delimiter?: Delimiter; keepBlank?: boolean } = {},
): CsvRecord[] {
  const src = text.replace(/^\uFEFF/, "");
  const delim = opts.delimiter ?? detectDelimiter(src);
  const out: CsvRecord[] = [];
  let line = 1;
  let cells: string[] = [];
  let cell = "";
  let start = 1;
  let quoted = false;
  let quoteLine = 0;
  let touched = false;
  const endRecord = () => {
    cells.push(cell);
    if (opts.keepBlank || touched || cells.length > 1 || cells[0] !== "")
      out.push({ line: start, cells });
    cells = [];
    cell = "";
    touched = false;
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === "\n") line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell === "") {
      quoted = true;
      quoteLine = line;
      touched = true;
    } else if (ch === delim) {
      cells.push(cell);
      cell = "";
      touched = true;
    } else if (ch === "\r" && src[i + 1] === "\n") {
    } else if (ch === "\n" || ch === "\r") {
      endRecord();
      line++;
      start = line;
    } else cell += ch;
  }
  if (quoted)
    throw new CsvSyntaxError(
      `A quoted cell opened on line ${quoteLine} is never closed`,
      quoteLine,
    );
  if (cell !== "" || cells.length || touched) endRecord();
  return out;
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/** One CSV cell: quoted when needed; a leading = + - @ is defused so spreadsheets do not run it as a formula. */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  let s = String(v);
  if (typeof v === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return `${[header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
