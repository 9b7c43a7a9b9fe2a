/** @jsxImportSource hono/jsx */
// POST /admin/spend/import: upload (as bytes, any encoding) or paste a cost report, map, preview, import.
import type { Hono } from "hono";
import type { AppEnv } from "../../../http/app-env";
import { chromeOf } from "../../../http/admin-guard";
import { AppError, fieldErrorsOf } from "../../../errors";
import { CHANNELS } from "../../../db/schema";
import { IMPORT_FIELDS, type ColumnMapping } from "../../../services/spend/import-rows";
import { importSpend, type ImportResult } from "../../../services/spend/spend-import";
import type { CampaignMap } from "../../../services/spend/campaign-preview";
import { isCurrencyCode, parseRate } from "../../../domain/money";
import { AD_PLATFORMS, decodeExport, type AdPlatform } from "../../../domain/ad-exports";
import { assetOptions } from "../../../services/assets/asset-options";
import { SpendImportPage } from "../../../../templates/admin/pages/spend-import";
import { at } from "../../../../templates/admin/messages";
import { readAdminForm } from "../../../http/admin-form";
import { audit, noChange } from "../../../http/audit";
import { largeBody } from "../../../http/body-limits";

/** The encodings a hidden field may name (it only repeats what decoding the upload found). */
const ENCODINGS = ["utf-8", "utf-16le", "utf-16be", "gb18030"];

/** "EUR=1.08" lines → { EUR: "1.08" }; bad lines are reported, not guessed. */
function parseRates(text: string): { rates: Record<string, string>; bad: string[] } {
  const rates: Record<string, string> = {};
  const bad: string[] = [];
  for (const line of text
    .split(/[\r\n,;]+/)
    .map((l) => l.trim())
    .filter(Boolean)) {
    const m = /^([A-Za-z]{3})\s*[=:]\s*([\d.]+)$/.exec(line);
    if (m && parseRate(m[2]!) !== null) rates[m[1]!.toUpperCase()] = m[2]!;
    else bad.push(line);
  }
  return { rates, bad };
}

/**
 * The preview's campaign choices: `cmap_name_i` (a campaign of the file) with `cmap_utm_i` (the leads'
 * utm_campaign it meets; empty keeps the file's own name, so no mapping).
 */
function campaignMapOf(fields: Record<string, string>): CampaignMap {
  const map: CampaignMap = {};
  for (const [k, name] of Object.entries(fields)) {
    const i = /^cmap_name_(\d+)$/.exec(k)?.[1];
    if (i === undefined) continue;
    const utm = (fields[`cmap_utm_${i}`] ?? "").trim();
    if (utm && utm !== name) map[name] = { utm_campaign: utm.slice(0, 200) };
  }
  return map;
}

export function registerSpendImport(app: Hono<AppEnv>) {
  app.post("/spend/import", largeBody, async (c) => {
    const { fields, files } = await readAdminForm(c);
    const s = c.get("admin");
    const L = s.locale;
    const values: Record<string, string> = { ...fields, csv: fields.csv || "" };
    delete values._csrf;
    const assets = await assetOptions(c.get("db"));
    const page = (
      result: ImportResult | null,
      extra: { message?: string; error?: string } = {},
      status: 200 | 400 = 200,
    ) =>
      c.html(
        <SpendImportPage
          locale={L}
          channels={CHANNELS}
          importFields={IMPORT_FIELDS}
          csrf={s.csrf}
          chrome={chromeOf(s)}
          currency={c.get("config").REPORTING_CURRENCY}
          assets={assets}
          values={values}
          result={result}
          {...extra}
        />,
        status,
      );

    // The file's bytes decide its encoding (GBK, UTF-16…); later steps carry the decoded text and
    // the encoding it came from in hidden fields.
    if (files.file && files.file.size > 0) {
      const decoded = decodeExport(new Uint8Array(await files.file.arrayBuffer()));
      if (!decoded.ok) return page(null, { error: decoded.reason }, 400);
      values.csv = decoded.text;
      values.encoding = decoded.encoding;
    }
    if (!values.csv.trim()) return page(null, { error: at(L, "csv_paste") }, 400);
    const { rates, bad } = parseRates(fields.rates ?? "");
    if (bad.length) return page(null, { error: `${at(L, "rates_help")}: ${bad.join(", ")}` }, 400);
    const currency = (fields.currency ?? "").trim().toUpperCase();
    const mapping: ColumnMapping = Object.fromEntries(
      IMPORT_FIELDS.map((f) => [f, fields[`map_${f}`] ?? ""]).filter(([, v]) => v),
    );
    const assetId = Number(fields.asset_id) || undefined;
    const channel = (CHANNELS as readonly string[]).includes(fields.channel ?? "")
      ? fields.channel
      : undefined;
    const confirm = fields.action === "import";
    let result: ImportResult;
    try {
      result = await importSpend(
        c.get("db"),
        {
          csv: values.csv,
          encoding: ENCODINGS.includes(values.encoding ?? "") ? values.encoding : undefined,
          mapping,
          target: {
            asset_id: assetId,
            channel,
            utm_source: fields.utm_source?.trim() || undefined,
            utm_medium: fields.utm_medium?.trim() || undefined,
          },
          currency: isCurrencyCode(currency) ? currency : undefined,
          rates,
          platform: (AD_PLATFORMS as readonly string[]).includes(fields.platform ?? "")
            ? (fields.platform as AdPlatform)
            : undefined,
          account: fields.account?.trim().slice(0, 200) || undefined,
          campaignMap: campaignMapOf(fields),
          dryRun: !confirm,
        },
        { now: c.get("now"), reportingCurrency: c.get("config").REPORTING_CURRENCY },
      );
    } catch (err) {
      if (err instanceof AppError && err.status === 400) {
        return page(
          null,
          { error: [err.message, ...Object.values(fieldErrorsOf(err) ?? {}).flat()].join(" ") },
          400,
        );
      }
      throw err;
    }
    if (confirm && (result.imported || result.duplicates))
      await audit(c, {
        action: "spend.import",
        subject: { type: "spend_import", id: null },
        before: null,
        after: {
          imported: result.imported,
          duplicates: result.duplicates,
          currency: isCurrencyCode(currency) ? currency : null,
          target: { asset_id: assetId ?? null, channel: channel ?? null },
        },
      });
    // A preview, or an import of rows that were all there already, changes nothing.
    else noChange(c);
    if (confirm && !result.errors.length && !result.missing.length) {
      const message = result.imported
        ? at(L, "import_done", { n: result.imported, d: result.duplicates })
        : at(L, "import_nothing", { d: result.duplicates });
      return page({ ...result, rows: [] }, { message });
    }
    return page(result, {}, result.errors.length ? 400 : 200);
  });
}
