// Reading a lead list as uploaded: its encoding (UTF-8 with or without BOM, UTF-16, GBK), its header, its rows.
import { AppError } from "../../errors";
import { decodeExport } from "../../domain/ad-exports";
import { CsvSyntaxError, parseCsv } from "../../domain/csv";
import { mappingFor, type ImportMapping } from "../../domain/lead-import/columns";
import { MAX_IMPORT_ROWS, readImportRows, type ReadRows } from "../../domain/lead-import/rows";

/** A lead list's bytes at most: 5,000 rows of a dozen columns fit with room to spare. */
export const MAX_LEAD_FILE_BYTES = 2 * 1024 * 1024;

export interface LeadFile extends ReadRows {
  encoding: string;
  headers: string[];
  mapping: ImportMapping;
  /** Data lines read (blank lines not counted). */
  rows: number;
}

const bad = (line: number, reason: string) =>
  new AppError("BAD_REQUEST", reason, { details: { rows: [{ line, reasons: [reason] }] } });

export function readLeadFile(bytes: Uint8Array, chosen: ImportMapping = {}): LeadFile {
  const decoded = decodeExport(bytes);
  if (!decoded.ok) throw bad(1, decoded.reason);
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(decoded.text);
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw bad(err.line, err.message);
    throw err;
  }
  const [head, ...body] = records;
  if (!head) throw bad(1, "The file has no header line");
  if (body.length > MAX_IMPORT_ROWS)
    throw new AppError(
      "BAD_REQUEST",
      `The file has ${body.length} rows; import at most ${MAX_IMPORT_ROWS} at a time`,
      { details: { max_rows: MAX_IMPORT_ROWS, rows: body.length } },
    );
  const headers = head.cells.map((h) => h.trim());
  const mapping = mappingFor(headers, chosen);
  if (!Object.values(mapping).includes("email"))
    throw new AppError("BAD_REQUEST", "No column holds the email address: map one to email", {
      details: { headers, mapping },
    });
  return {
    ...readImportRows(headers, body, mapping),
    encoding: decoded.encoding,
    headers,
    mapping,
    rows: body.length,
  };
}
