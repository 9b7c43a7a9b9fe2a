// What the reader needs to know about one ad platform's export: how to recognise it and its quirks.
import type { ImportField } from "./columns";

export const AD_PLATFORMS = [
  "google_ads",
  "microsoft_ads",
  "meta_ads",
  "linkedin_ads",
  "baidu",
  "ocean_engine",
  "tencent_ads",
  "csv",
] as const;
export type AdPlatform = (typeof AD_PLATFORMS)[number];

export interface Signals {
  /** Title lines above the header, as text. */
  title: string[];
  /** Header cells, trimmed and lower-cased. */
  headers: string[];
  /** Lines under the table that are not rows (footers), as text. */
  tail: string[];
}

export interface AdExportFormat {
  platform: AdPlatform;
  /** True when the file is this platform's export: a header, a title line or a footer only it writes. */
  detect(s: Signals): boolean;
  /** Header names this platform uses beyond the common synonyms, tried first. */
  columns?: Partial<Record<ImportField, string[]>>;
  /** Writes days as M/D/YYYY (US locale). */
  mdy?: boolean;
  /** The currency it bills in when the file names none (Chinese platforms bill in CNY). */
  billingCurrency?: string;
  /** A row that sums the others though no cell says "Total" (Meta's summary row has no campaign). */
  isSummary?(cells: Partial<Record<ImportField, string>>): boolean;
}

export const hasHeader = (s: Signals, ...names: string[]) =>
  names.some((n) =>
    s.headers.some((h) => h === n || h.startsWith(`${n} (`) || h.startsWith(`${n}(`)),
  );
