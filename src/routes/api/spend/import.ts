// POST /api/v1/spend/import: preview or import an ad platform's cost CSV, idempotently.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { audit, noChange } from "../../../http/audit";
import { AppError } from "../../../errors";
import { requirePermission } from "../../../http/auth";
import { largeBody } from "../../../http/body-limits";
import { CHANNELS } from "../../../db/schema";
import { IMPORT_FIELDS } from "../../../services/spend/import-rows";
import { importSpend } from "../../../services/spend/spend-import";
import { isCurrencyCode, parseRate } from "../../../domain/money";
import { errorResponses, security } from "../../../http/openapi";

const importBody = z.object({
  csv: z.string().min(1, "The CSV is empty"),
  mapping: z.partialRecord(z.enum(IMPORT_FIELDS), z.string().max(200)).optional(),
  asset_id: z.number().int().positive().optional(),
  channel: z.enum(CHANNELS).optional(),
  utm_source: z.string().max(200).optional(),
  utm_medium: z.string().max(200).optional(),
  currency: z
    .string()
    .toUpperCase()
    .refine(isCurrencyCode, "Use an ISO 4217 currency code")
    .optional(),
  rates: z
    .record(
      z.string().regex(/^[A-Z]{3}$/),
      z.string().refine((s) => parseRate(s) !== null, "A rate is a positive decimal"),
    )
    .default({}),
  platform: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{2,40}$/, "Use a short platform name such as google_ads")
    .optional()
    .openapi({ description: "The ad platform the file is from, when the file does not say" }),
  account: z.string().trim().min(1).max(200).optional(),
  campaign_map: z
    .record(
      z.string().max(200),
      z.object({
        utm_campaign: z.string().trim().max(200).nullable().optional(),
        asset_id: z.number().int().positive().nullable().optional(),
      }),
    )
    .optional()
    .openapi({
      description:
        "A campaign of the file → the utm_campaign of the leads it paid for (or an asset). Saved on import for the next file from the same platform account.",
    }),
  dry_run: z.boolean().default(false),
});

const rowError = z.object({
  line: z.number().int(),
  field: z.string().nullable(),
  reason: z.string(),
});
const importResult = z
  .object({
    headers: z.array(z.string()),
    mapping: z.record(z.string(), z.string()),
    missing: z.array(z.string()),
    rows: z.array(
      z.object({
        line: z.number().int(),
        day: z.string(),
        day_to: z.string(),
        campaign: z.string().nullable(),
        amount_minor: z.number().int(),
        currency: z.string(),
        reporting_minor: z.number().int().nullable(),
        impressions: z.number().int().nullable(),
        clicks: z.number().int().nullable(),
        duplicate: z.boolean(),
      }),
    ),
    platform: z.string().nullable(),
    account: z.string().nullable(),
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

const importSpendRoute = createRoute({
  method: "post",
  path: "/api/v1/spend/import",
  tags: ["spend"],
  summary: "Import spend from a CSV (preview with dry_run)",
  description:
    "Columns day, campaign, cost, currency, impressions, clicks are found by common ad-platform header names; give `mapping` when headers differ. All or nothing: any bad row is reported with its line and nothing is written. Spend is stored per campaign and day, keyed by platform, account, campaign and day: importing the same days again replaces them (whatever tie is chosen), so the same file twice adds nothing and a weekly export after a daily one replaces those days. The preview's `campaigns` say which leads each campaign will meet; map a campaign that meets none with `campaign_map`. A currency with no exchange rate is listed in `missing_rates` and converted by reports once a rate is set.",
  security,
  middleware: [requirePermission("spend.write"), largeBody] as const,
  request: { body: { required: true, content: { "application/json": { schema: importBody } } } },
  responses: {
    200: {
      description: "Preview or import result",
      content: { "application/json": { schema: importResult } },
    },
    ...errorResponses(400),
  },
});

export function registerImportSpend(app: OpenAPIHono<AppEnv>) {
  app.openapi(importSpendRoute, async (c) => {
    const b = c.req.valid("json");
    const result = await importSpend(
      c.get("db"),
      {
        csv: b.csv,
        mapping: b.mapping,
        target: {
          asset_id: b.asset_id,
          channel: b.channel,
          utm_source: b.utm_source,
          utm_medium: b.utm_medium,
        },
        currency: b.currency,
        rates: b.rates,
        platform: b.platform,
        account: b.account,
        campaignMap: b.campaign_map,
        dryRun: b.dry_run,
      },
      { now: c.get("now"), reportingCurrency: c.get("config").REPORTING_CURRENCY },
    );
    if (result.missing.length)
      throw new AppError("BAD_REQUEST", `Map the columns for: ${result.missing.join(", ")}`, {
        details: { missing: result.missing, headers: result.headers },
      });
    if (!b.dry_run && result.errors.length)
      throw new AppError(
        "BAD_REQUEST",
        `${result.errors.length} row(s) have problems; nothing was imported`,
        { details: { rows: result.errors } },
      );
    if (!b.dry_run && (result.imported || result.duplicates))
      await audit(c, {
        action: "spend.import",
        subject: { type: "spend_import", id: null },
        before: null,
        after: {
          imported: result.imported,
          duplicates: result.duplicates,
          currency: b.currency ?? null,
          platform: result.platform,
          campaigns_mapped: Object.keys(b.campaign_map ?? {}).length,
          target: { asset_id: b.asset_id ?? null, channel: b.channel ?? null },
        },
      });
    else noChange(c);
    return c.json(importResult.parse(result), 200);
  });
}
