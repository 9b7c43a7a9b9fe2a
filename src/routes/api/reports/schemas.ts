// Response shapes of the reports API.
import { z } from "@hono/zod-openapi";
import { ATTRIBUTION_MODELS } from "../../../db/schema";

const n = z.number();
const figures = z.object({
  model: z.enum(ATTRIBUTION_MODELS).openapi({
    description:
      "The attribution model every credited figure (leads, MQLs, accepted, won, revenue, spend spread, costs, ROI) is computed under",
  }),
  views: n,
  submissions: n,
  new_leads: n,
  visit_to_lead_rate: n.nullable(),
  leads: n,
  spend_minor: z.number().int(),
  cost_per_lead_minor: z.number().int().nullable(),
  mqls: n,
  cost_per_mql_minor: z.number().int().nullable(),
  accepted: n,
  won: n,
  revenue_minor: n,
  roi: n.nullable(),
  referral_leads: n,
  referrals_per_lead: n.nullable(),
  median_minutes_to_mql: n
    .nullable()
    .openapi({ description: "Approximate (histogram buckets of ±9%)" }),
});
const reportRow = figures.extend({
  period: z.string(),
  asset_id: z.number().int().nullable(),
  channel: z.string().nullable(),
  campaign: z.string().nullable(),
});
export const reportBody = z
  .object({
    model: z.enum(ATTRIBUTION_MODELS),
    currency: z.string(),
    from: z.string(),
    to: z.string(),
    grain: z.string(),
    by: z.array(z.string()),
    assets: z.record(z.string(), z.object({ title: z.string(), slug: z.string() })),
    rows: z.array(reportRow),
    totals: figures,
    rows_read: z.number().int(),
    unconverted: z
      .array(z.object({ currency: z.string(), amount_minor: z.number().int() }))
      .openapi({
        description:
          "Spend in a currency with no exchange rate on or before its days (PUT /api/v1/exchange-rates): left out of every figure, never guessed",
      }),
  })
  .openapi("Report");

export const calibrationBody = z
  .object({
    from: z.string(),
    to: z.string(),
    bands: z.array(
      z.object({
        band: z.string(),
        min: z.number().nullable(),
        max: z.number().nullable(),
        leads: n,
        mqls: n,
        won: n,
        mql_rate: n.nullable(),
        win_rate: n.nullable(),
      }),
    ),
  })
  .openapi("ScoreCalibration");
