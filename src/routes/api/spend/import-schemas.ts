// The bodies and answer of POST /api/v1/spend/import: JSON text or the file as uploaded, and the preview.
import { z } from "@hono/zod-openapi";
import { CHANNELS } from "../../../db/schema";
import { IMPORT_FIELDS } from "../../../services/spend/import-rows";
import { AD_PLATFORMS } from "../../../domain/ad-exports";
import { isCurrencyCode, parseRate } from "../../../domain/money";

const mappingSchema = z.partialRecord(z.enum(IMPORT_FIELDS), z.string().max(200));
const currencySchema = z
  .string()
  .toUpperCase()
  .refine(isCurrencyCode, "Use an ISO 4217 currency code");
const campaignMapSchema = z.record(
  z.string().max(200),
  z.object({
    utm_campaign: z.string().trim().max(200).nullable().optional(),
    asset_id: z.number().int().positive().nullable().optional(),
  }),
);
const ratesSchema = z.record(
  z.string().regex(/^[A-Z]{3}$/),
  z.string().refine((s) => parseRate(s) !== null, "A rate is a positive decimal"),
);

export const importBody = z.object({
  csv: z.string().min(1, "The CSV is empty"),
  mapping: mappingSchema.optional(),
  asset_id: z.number().int().positive().optional(),
  channel: z.enum(CHANNELS).optional(),
  utm_source: z.string().max(200).optional(),
  utm_medium: z.string().max(200).optional(),
  currency: currencySchema.optional(),
  rates: ratesSchema.default({}),
  platform: z.enum(AD_PLATFORMS).optional().openapi({
    description: "The ad platform the file is from, when it cannot be told from the file",
  }),
  account: z.string().trim().min(1).max(200).optional(),
  campaign_map: campaignMapSchema.optional().openapi({
    description:
      "A campaign of the file → the utm_campaign of the leads it paid for (or an asset). Saved on import for the next file from the same platform account.",
  }),
  dry_run: z.boolean().default(false),
});

/** A form field left empty is a field not given. */
const blankless = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional());
/** `mapping` and `rates` travel in a form as JSON text. */
const jsonText = <T extends z.ZodType>(schema: T, example: string) =>
  z
    .string()
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: `Send JSON, e.g. ${example}` });
        return z.NEVER;
      }
    })
    .pipe(schema);

/** The file as downloaded from the ad platform, in any encoding: what the dashboard uploads. */
export const importForm = z.object({
  file: z
    .instanceof(File, { message: "Attach the export as the form field `file`" })
    .openapi({ type: "string", format: "binary" }),
  mapping: blankless(jsonText(mappingSchema, '{"day":"Fecha","cost":"Importe"}')),
  asset_id: blankless(z.coerce.number().int().positive()),
  channel: blankless(z.enum(CHANNELS)),
  utm_source: blankless(z.string().max(200)),
  utm_medium: blankless(z.string().max(200)),
  currency: blankless(currencySchema),
  rates: blankless(jsonText(ratesSchema, '{"EUR":"1.08"}')),
  platform: blankless(z.enum(AD_PLATFORMS)),
  account: blankless(z.string().trim().max(200)),
  campaign_map: blankless(
    jsonText(campaignMapSchema, '{"百度-春季推广":{"utm_campaign":"bd-spring-2026"}}'),
  ),
  dry_run: blankless(z.enum(["true", "false"]).transform((v) => v === "true")),
});

const rowError = z.object({
  line: z.number().int(),
  field: z.string().nullable(),
  reason: z.string(),
});
export const importResult = z
  .object({
    platform: z.enum(AD_PLATFORMS),
    encoding: z.string(),
    account: z.string().nullable(),
    skipped: z.array(
      z.object({
        kind: z.enum(["title", "blank", "total", "note"]),
        lines: z.array(z.number().int()),
      }),
    ),
    headers: z.array(z.string()),
    mapping: z.record(z.string(), z.string()),
    missing: z.array(z.string()),
    rows: z.array(
      z.object({
        line: z.number().int(),
        day: z.string(),
        day_to: z.string(),
        campaign: z.string().nullable(),
        account: z.string().nullable(),
        amount_minor: z.number().int(),
        currency: z.string(),
        reporting_minor: z.number().int().nullable(),
        impressions: z.number().int().nullable(),
        clicks: z.number().int().nullable(),
        duplicate: z.boolean(),
      }),
    ),
    campaigns: z.array(
      z.object({
        campaign: z.string().nullable(),
        days: z.number().int(),
        day_from: z.string(),
        day_to: z.string(),
        amount_minor: z.number().int(),
        currency: z.string(),
        tie: z.object({
          utm_campaign: z.string().nullable(),
          asset_id: z.number().int().nullable(),
          from: z.enum(["saved", "given", "file"]),
        }),
        leads: z.number(),
        meets_none: z.boolean(),
      }),
    ),
    known_campaigns: z.array(z.string()),
    missing_rates: z.array(z.string()),
    errors: z.array(rowError),
    imported: z.number().int(),
    duplicates: z.number().int(),
    dry_run: z.boolean(),
  })
  .openapi("SpendImport");
