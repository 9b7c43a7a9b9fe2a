// An attendance file as the people in it: every address once (lower-cased), with their minutes added up across rejoins.
import { parseCsv, CsvSyntaxError } from "../csv";
import { durationMinutes } from "./duration";
import { headerOf, type AttendanceFormat } from "./formats";

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

export interface ParsedAttendance {
  format: AttendanceFormat;
  /** Address → minutes in the meeting (null when the file does not say). */
  attendees: Map<string, number | null>;
  /** Data rows that held no usable address (phone dial-ins, guests without one). */
  rowsWithoutEmail: number;
}

type Result = { ok: true; value: ParsedAttendance } | { ok: false; message: string };

function add(map: Map<string, number | null>, email: string, minutes: number | null) {
  const prior = map.get(email);
  map.set(email, prior === undefined ? minutes : prior === null ? minutes : prior + (minutes ?? 0));
}

/**
 * Finds the header row among the first 30 records (Zoom may put a meeting-details block above it). A file with no
 * known header is read as a plain list: every cell that is an address counts as one attendee.
 */
export function parseAttendance(text: string): Result {
  let records: { cells: string[] }[];
  try {
    records = parseCsv(text);
  } catch (err) {
    if (err instanceof CsvSyntaxError) return { ok: false, message: err.message };
    throw err;
  }
  const attendees = new Map<string, number | null>();
  let rowsWithoutEmail = 0;
  // The best header among the first 30 records: Zoom's meeting-details block also has a "User Email" column.
  let at = -1;
  let bestScore = -1;
  for (const [i, r] of records.slice(0, 30).entries()) {
    const score = headerOf(r.cells)?.score ?? -1;
    if (score > bestScore) [at, bestScore] = [i, score];
  }
  if (at < 0) {
    for (const r of records)
      for (const cell of r.cells) {
        const v = cell.trim().toLowerCase();
        if (EMAIL.test(v)) add(attendees, v, null);
      }
    if (!attendees.size)
      return {
        ok: false,
        message:
          "No email column found: upload the participants export of Zoom, Tencent Meeting or Feishu, or a list of emails",
      };
    return { ok: true, value: { format: "email_list", attendees, rowsWithoutEmail } };
  }
  const header = headerOf(records[at]!.cells)!;
  for (const r of records.slice(at + 1)) {
    const email = (r.cells[header.email] ?? "").trim().toLowerCase();
    if (!EMAIL.test(email)) {
      if (r.cells.some((c) => c.trim())) rowsWithoutEmail++;
      continue;
    }
    add(attendees, email, header.duration >= 0 ? durationMinutes(r.cells[header.duration]) : null);
  }
  return { ok: true, value: { format: header.format, attendees, rowsWithoutEmail } };
}
