// Uploading tests/fixtures/ad-exports/* to the spend import as a browser or API client would: multipart bytes.
import { env } from "cloudflare:workers";
import { fetchWorker } from "../../support/http";
import { ADMIN } from "./report-fixture";

/** A fixture's exact bytes (vitest.config.ts hands them over as base64). */
export function fixtureBytes(name: string): Uint8Array {
  const b64 = env.AD_EXPORT_FIXTURES[name];
  if (!b64) throw new Error(`No fixture ${name} in tests/fixtures/ad-exports`);
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}

export function uploadExport(
  file: Uint8Array | string,
  fields: Record<string, string> = {},
  name = "export.csv",
) {
  const form = new FormData();
  form.set("file", new File([file], name, { type: "text/csv" }));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return fetchWorker("/api/v1/spend/import", { method: "POST", body: form, headers: ADMIN });
}

export interface PreviewRow {
  line: number;
  day: string;
  day_to: string;
  campaign: string | null;
  account: string | null;
  amount_minor: number;
  currency: string;
  impressions: number | null;
  clicks: number | null;
}
export interface ImportBody {
  platform: string;
  encoding: string;
  account: string | null;
  skipped: { kind: string; lines: number[] }[];
  rows: PreviewRow[];
  errors: { line: number; field: string | null; reason: string }[];
  imported: number;
}

/** Per campaign and currency: the amount, impressions, clicks and the days the rows cover. */
export function totals(rows: PreviewRow[]) {
  const out: Record<
    string,
    { minor: number; impressions: number; clicks: number; from: string; to: string }
  > = {};
  for (const r of rows) {
    const key = `${r.campaign} ${r.currency}`;
    out[key] ??= { minor: 0, impressions: 0, clicks: 0, from: r.day, to: r.day_to };
    const t = out[key];
    t.minor += r.amount_minor;
    t.impressions += r.impressions ?? 0;
    t.clicks += r.clicks ?? 0;
    if (r.day < t.from) t.from = r.day;
    if (r.day_to > t.to) t.to = r.day_to;
  }
  return out;
}

/** "skipped 3 title lines, 2 total rows" as data: kind → how many lines. */
export const skippedCounts = (b: ImportBody) =>
  Object.fromEntries(b.skipped.map((s) => [s.kind, s.lines.length]));
