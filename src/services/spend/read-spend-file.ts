// Reading a spend file as downloaded: its encoding and platform detected, title and total lines skipped,
// every row checked, bad lines named (the reading itself is pure: src/domain/ad-exports/).
import { AppError } from "../../errors";
import { CsvSyntaxError } from "../../domain/csv";
import {
  decodeExport,
  readAdExport,
  type AdExport,
  type ColumnMapping,
} from "../../domain/ad-exports";

export interface SpendFile extends AdExport {
  /** The encoding the bytes were read in ("utf-8" for text sent as text). */
  encoding: string;
}

/** A file that cannot be read at all: a 400 naming the line, as a bad row would be. */
function badFile(line: number, reason: string) {
  return new AppError("BAD_REQUEST", reason, {
    details: { rows: [{ line, field: null, reason }] },
  });
}

/** Decodes (bytes) and reads a cost report; a mapping given by the user wins over the guessed one. */
export function readSpendFile(
  input: string | Uint8Array,
  opts: { mapping?: ColumnMapping; currency: string; encoding?: string },
): SpendFile {
  let text: string;
  let encoding = opts.encoding ?? "utf-8";
  if (typeof input === "string") text = input;
  else {
    const decoded = decodeExport(input);
    if (!decoded.ok) throw badFile(1, decoded.reason);
    text = decoded.text;
    encoding = decoded.encoding;
  }
  try {
    return { ...readAdExport(text, { mapping: opts.mapping, currency: opts.currency }), encoding };
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw badFile(err.line, err.message);
    throw err;
  }
}
