// Offline conversion files: which conversions go to which ad platform, left out by the platforms' own rules.
import type { Db } from "../../env";
import { AppError } from "../../errors";
import { conversionsForExport, type ClickColumn } from "../../store/leads";
import {
  CLICK_MAX_AGE_MS,
  META_MAX_AGE_MS,
  googleClickCsv,
  googleEnhancedCsv,
  metaNdjson,
  microsoftCsv,
  type ConversionRow,
  type ConversionStage,
  type ExportTimeZone,
  type OfflinePlatform,
} from "../../domain/offline-conversions";

/** One file holds at most this many conversions; a longer window is refused, so nothing is cut silently. */
export const EXPORT_LIMIT = 10_000;

export interface ExportRequest {
  platform: OfflinePlatform;
  stage: ConversionStage;
  /** Epoch ms, inclusive. */
  from: number;
  /** Epoch ms, exclusive. */
  to: number;
  enhanced: boolean;
  conversionName: string;
  timeZone: ExportTimeZone;
}

export interface ExportFile {
  body: string;
  contentType: string;
  extension: "csv" | "ndjson";
  count: number;
  /** Conversions left out because the platform would refuse them: click older than 90 days, Meta event older than 7. */
  leftOutExpired: number;
}

const CLICK_OF: Record<OfflinePlatform, ClickColumn> = {
  google_ads: "gclid",
  microsoft_ads: "msclkid",
  meta: "fbclid",
};

export async function offlineConversionsFile(
  db: Db,
  r: ExportRequest,
  ctx: { now: number; reportingCurrency: string },
): Promise<ExportFile> {
  const click = r.platform === "google_ads" && r.enhanced ? null : CLICK_OF[r.platform];
  // Google's click file and Microsoft's need the click id; Meta and Google's enhanced file match on the email.
  const required = click !== null && r.platform !== "meta";
  const rows = await conversionsForExport(db, {
    stage: r.stage,
    from: r.from,
    to: r.to,
    click,
    required,
    limit: EXPORT_LIMIT + 1,
  });
  if (rows.length > EXPORT_LIMIT)
    throw new AppError("BAD_REQUEST", `More than ${EXPORT_LIMIT} conversions in this window`, {
      details: {
        fields: {
          to: [`A file holds at most ${EXPORT_LIMIT} conversions: choose a shorter window`],
        },
      },
    });
  // Revenue only in the reporting currency (outcomes are recorded in it); anything else goes without a value.
  const priced = rows.map((row) =>
    row.currency === ctx.reportingCurrency ? row : { ...row, amountMinor: null, currency: null },
  );
  const fresh = (row: ConversionRow) =>
    r.platform === "meta"
      ? ctx.now - row.at <= META_MAX_AGE_MS
      : row.clickAt === null || ctx.now - row.clickAt <= CLICK_MAX_AGE_MS;
  const kept = priced.filter(fresh);
  const leftOutExpired = priced.length - kept.length;
  const options = { conversionName: r.conversionName, timeZone: r.timeZone };
  if (r.platform === "meta")
    return {
      body: await metaNdjson(kept, { eventName: r.conversionName }),
      contentType: "application/x-ndjson; charset=utf-8",
      extension: "ndjson",
      count: kept.length,
      leftOutExpired,
    };
  const body =
    r.platform === "microsoft_ads"
      ? microsoftCsv(kept, options)
      : r.enhanced
        ? await googleEnhancedCsv(kept, options)
        : googleClickCsv(kept, options);
  return {
    body,
    contentType: "text/csv; charset=utf-8",
    extension: "csv",
    count: kept.length,
    leftOutExpired,
  };
}
