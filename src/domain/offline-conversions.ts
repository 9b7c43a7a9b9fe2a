// Offline conversion upload files for the ad platforms, exactly in their documented templates; pure, data and `now` in.
import { sha256Hex } from "./encoding";
import { minorDigits } from "./money";

export const OFFLINE_PLATFORMS = ["google_ads", "microsoft_ads", "meta"] as const;
export type OfflinePlatform = (typeof OFFLINE_PLATFORMS)[number];
export const CONVERSION_STAGES = ["mql", "accepted", "won"] as const;
export type ConversionStage = (typeof CONVERSION_STAGES)[number];

/** The conversion action's name when none is given (it must match the one set up at the platform). */
export const DEFAULT_CONVERSION_NAMES: Record<ConversionStage, string> = {
  mql: "Marketing Qualified Lead",
  accepted: "Sales Accepted Lead",
  won: "Closed Won",
};

const DAY_MS = 86_400_000;
/** Google and Microsoft match a click id only for clicks in the last 90 days. */
export const CLICK_MAX_AGE_MS = 90 * DAY_MS;
/** Meta refuses a whole Conversions API request when one event_time is more than 7 days old. */
export const META_MAX_AGE_MS = 7 * DAY_MS;

/** One conversion as the store reads it: the lead, when it reached the stage, the deal, the click id. */
export interface ConversionRow {
  leadId: number;
  /** A stable key of this conversion (stage and lead or outcome), for Meta's event_id. */
  key: string;
  email: string;
  phone: string | null;
  at: number;
  amountMinor: number | null;
  currency: string | null;
  click: string | null;
  clickAt: number | null;
  fbc: string | null;
}

/** A GMT offset as the templates write it (+0800, -0500), or an IANA zone name (Google only). */
export type ExportTimeZone =
  | { kind: "offset"; minutes: number; text: string }
  | { kind: "iana"; name: string };

export function parseTimeZone(v: string): ExportTimeZone | null {
  const m = /^([+-])(\d{2})(\d{2})$/.exec(v);
  if (m) {
    const h = Number(m[2]);
    const min = Number(m[3]);
    if (h > 14 || min > 59) return null;
    return { kind: "offset", minutes: (m[1] === "-" ? -1 : 1) * (h * 60 + min), text: v };
  }
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(v)) return null;
  try {
    new Intl.DateTimeFormat("en", { timeZone: v });
    return { kind: "iana", name: v };
  } catch {
    return null;
  }
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "yyyy-MM-dd HH:mm:ss" in the file's zone: the Parameters line names the zone, the times carry none. */
export function localTime(ms: number, tz: ExportTimeZone): string {
  if (tz.kind === "offset") {
    const d = new Date(ms + tz.minutes * 60_000);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  }
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone: tz.name,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** A decimal amount in major units ("1234.50"), or "" when there is none. */
export function majorUnits(amountMinor: number | null, currency: string | null): string {
  if (amountMinor === null || !currency) return "";
  const digits = minorDigits(currency);
  const sign = amountMinor < 0 ? "-" : "";
  const abs = Math.abs(amountMinor);
  if (digits === 0) return `${sign}${abs}`;
  const scale = 10 ** digits;
  return `${sign}${Math.floor(abs / scale)}.${String(abs % scale).padStart(digits, "0")}`;
}

/** Google's rule for hashing an email: trim, lower-case, and drop the dots before @gmail.com/@googlemail.com. */
export function googleNormalisedEmail(email: string): string {
  const e = email.trim().toLowerCase();
  const at = e.lastIndexOf("@");
  if (at < 0) return e;
  const domain = e.slice(at + 1);
  if (domain !== "gmail.com" && domain !== "googlemail.com") return e;
  return `${e.slice(0, at).replace(/\./g, "")}@${domain}`;
}

/** Meta's rule: trim and lower-case, then SHA-256 as lower-case hex. */
export function metaNormalisedEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A cell of an upload file: quoted only when it must be. No formula guard: these files are read by machines. */
function cell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
const line = (cells: string[]) => cells.map(cell).join(",");

interface FileOptions {
  conversionName: string;
  timeZone: ExportTimeZone;
}

export const GOOGLE_CLICK_HEADER =
  "Google Click ID,Conversion Name,Conversion Time,Conversion Value,Conversion Currency";
export const GOOGLE_ENHANCED_HEADER =
  "Email,Phone Number,Conversion Name,Conversion Time,Conversion Value,Conversion Currency";
export const MICROSOFT_HEADER =
  "Microsoft Click ID,Conversion Name,Conversion Time,Conversion Value,Conversion Currency";

const tzText = (tz: ExportTimeZone) => (tz.kind === "offset" ? tz.text : tz.name);

/** Google Ads' click-conversion template: `Parameters:TimeZone=` line, then the header, one gclid a row. */
export function googleClickCsv(rows: ConversionRow[], o: FileOptions): string {
  const out = [`Parameters:TimeZone=${tzText(o.timeZone)}`, GOOGLE_CLICK_HEADER];
  for (const r of rows)
    out.push(
      line([
        r.click!,
        o.conversionName,
        localTime(r.at, o.timeZone),
        majorUnits(r.amountMinor, r.currency),
        r.amountMinor === null ? "" : (r.currency ?? ""),
      ]),
    );
  return `${out.join("\r\n")}\r\n`;
}

/** Google's enhanced conversions for leads template: SHA-256 of the normalised email and E.164 phone. */
export async function googleEnhancedCsv(rows: ConversionRow[], o: FileOptions): Promise<string> {
  const out = [`Parameters:TimeZone=${tzText(o.timeZone)}`, GOOGLE_ENHANCED_HEADER];
  for (const r of rows)
    out.push(
      line([
        await sha256Hex(googleNormalisedEmail(r.email)),
        r.phone ? await sha256Hex(r.phone.trim()) : "",
        o.conversionName,
        localTime(r.at, o.timeZone),
        majorUnits(r.amountMinor, r.currency),
        r.amountMinor === null ? "" : (r.currency ?? ""),
      ]),
    );
  return `${out.join("\r\n")}\r\n`;
}

/** Microsoft Advertising's offline conversion template: its Parameters line ends in ";" and takes an offset. */
export function microsoftCsv(rows: ConversionRow[], o: FileOptions): string {
  const out = [`Parameters:TimeZone=${tzText(o.timeZone)};`, MICROSOFT_HEADER];
  for (const r of rows)
    out.push(
      line([
        r.click!,
        o.conversionName,
        localTime(r.at, o.timeZone),
        majorUnits(r.amountMinor, r.currency),
        r.amountMinor === null ? "" : (r.currency ?? ""),
      ]),
    );
  return `${out.join("\r\n")}\r\n`;
}

/** Meta's `fbc`: the `_fbc` cookie when the visitor had one, else built from the fbclid and when it was seen. */
export function fbcOf(r: Pick<ConversionRow, "click" | "clickAt" | "fbc">): string | null {
  if (r.fbc) return r.fbc;
  if (r.click && r.clickAt !== null) return `fb.1.${r.clickAt}.${r.click}`;
  return null;
}

/**
 * Meta Conversions API server events, one JSON object a line (NDJSON): each line is one element of the
 * `data` array of POST /{dataset_id}/events, so an uploader batches up to 1,000 lines a request.
 */
export async function metaNdjson(rows: ConversionRow[], o: { eventName: string }): Promise<string> {
  const out: string[] = [];
  for (const r of rows) {
    const userData: Record<string, unknown> = {
      em: [await sha256Hex(metaNormalisedEmail(r.email))],
    };
    // Meta's phone rule: digits only, country code included, no "+".
    if (r.phone) userData.ph = [await sha256Hex(r.phone.replace(/\D/g, ""))];
    const fbc = fbcOf(r);
    if (fbc) userData.fbc = fbc;
    const event: Record<string, unknown> = {
      event_name: o.eventName,
      event_time: Math.floor(r.at / 1000),
      event_id: r.key,
      action_source: "system_generated",
      user_data: userData,
    };
    if (r.amountMinor !== null && r.currency)
      event.custom_data = {
        value: Number(majorUnits(r.amountMinor, r.currency)),
        currency: r.currency,
      };
    out.push(JSON.stringify(event));
  }
  return out.map((l) => `${l}\n`).join("");
}
