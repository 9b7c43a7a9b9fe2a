// A spend entry as the API and the dashboard form accept it, validated with zod.
import { z } from "zod";
import { CHANNELS } from "../../db/schema";
import { isValidDay } from "../../domain/report-days";
import { isCurrencyCode, parseRate } from "../../domain/money";

const day = z.string().refine(isValidDay, "Use a calendar day as YYYY-MM-DD");
const text = (max: number) =>
  z.preprocess(
    (v) =>
      typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v,
    z.string().max(max).optional(),
  );

/** What a spend is tied to: an asset and/or a channel and UTM source/medium/campaign. */
const spendTarget = z.object({
  asset_id: z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z.coerce.number().int().positive().optional(),
  ),
  channel: z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z.enum(CHANNELS).optional(),
  ),
  utm_source: text(200),
  utm_medium: text(200),
  utm_campaign: text(200),
});

export const spendInput = spendTarget
  .extend({
    day_from: day,
    day_to: z.preprocess((v) => (v === "" || v === null ? undefined : v), day.optional()),
    amount_minor: z.coerce.number().int().min(-1e12).max(1e12),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .refine(isCurrencyCode, "Use an ISO 4217 currency code such as USD"),
    fx_rate: z.preprocess(
      (v) => (v === "" || v === null ? undefined : typeof v === "number" ? String(v) : v),
      z
        .string()
        .refine((s) => parseRate(s) !== null, "A rate is a positive decimal, e.g. 7.12")
        .optional(),
    ),
    impressions: z.preprocess(
      (v) => (v === "" || v === null ? undefined : v),
      z.coerce.number().int().min(0).optional(),
    ),
    clicks: z.preprocess(
      (v) => (v === "" || v === null ? undefined : v),
      z.coerce.number().int().min(0).optional(),
    ),
  })
  .superRefine((s, ctx) => {
    if (
      s.asset_id === undefined &&
      !s.channel &&
      !s.utm_campaign &&
      !s.utm_source &&
      !s.utm_medium
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["asset_id"],
        message: "Tie the spend to an asset, a channel or a UTM campaign/source/medium",
      });
    }
    if (s.day_to !== undefined && s.day_to < s.day_from)
      ctx.addIssue({
        code: "custom",
        path: ["day_to"],
        message: "day_to must be on or after day_from",
      });
  });
export type SpendInput = z.infer<typeof spendInput>;
