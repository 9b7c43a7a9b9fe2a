// CSV as RFC 4180 records with the source line each starts on, and CSV out with formula-injection guards.

export interface CsvRecord {
  /** 1-based line of the file where the record starts (quoted fields may span lines). */
  line: number;
  cells: string[];
}

/**
 * A small state machine rather than a library: import errors must name the physical line of a row,
 * which row-indexed parsers lose as soon as a quoted cell holds a newline. Accepts CRLF or LF, a UTF-8
 * BOM, quoted cells with doubled quotes, and a ";" or tab delimiter when the header has no comma.
 * Blank lines are skipped. Throws on an unterminated quote, naming the line it opened on.
 */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.replace(/^\uFEFF/, "");
  const firstLine = src.slice(0, src.search(/\r?\n|$/));
  const delim = firstLine.includes(",")
    ? ","
    : firstLine.includes(";")
      ? ";"
      : firstLine.includes("\t")
        ? "\t"
        : ",";
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
    if (touched || cells.length > 1 || cells[0] !== "") out.push({ line: start, cells });
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
