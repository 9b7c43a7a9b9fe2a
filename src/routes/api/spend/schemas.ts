// Response shapes of the spend API, shared by its route files.
import { z } from "@hono/zod-openapi";
import type { SpendRow } from "../../../services/spend/spend-service";

export const spendRecord = z
  .object({
    id: z.number().int(),
    asset_id: z.number().int().nullable(),
    channel: z.string().nullable(),
    utm_source: z.string().nullable(),
    utm_medium: z.string().nullable(),
    utm_campaign: z.string().nullable(),
    day_from: z.string(),
    day_to: z.string(),
    amount_minor: z.number().int(),
    currency: z.string(),
    reporting_minor: z.number().int().nullable(),
    impressions: z.number().int().nullable(),
    clicks: z.number().int().nullable(),
    imported: z.boolean(),
    created_at: z.string(),
  })
  .openapi("Spend");

export function spendJson(r: SpendRow): z.infer<typeof spendRecord> {
  return spendRecord.parse({
    id: r.id,
    asset_id: r.assetId,
    channel: r.channel,
    utm_source: r.utmSource,
    utm_medium: r.utmMedium,
    utm_campaign: r.utmCampaign,
    day_from: r.dayFrom,
    day_to: r.dayTo,
    amount_minor: r.amountMinor,
    currency: r.currency,
    reporting_minor: r.reportingMinor,
    impressions: r.impressions,
    clicks: r.clicks,
    imported: r.importKey !== null,
    created_at: new Date(r.createdAt).toISOString(),
  });
}
