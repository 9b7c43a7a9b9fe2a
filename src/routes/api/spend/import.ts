// POST /api/v1/spend/import: preview or import an ad platform's cost CSV, idempotently.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { audit, noChange } from "../../../http/audit";
import { AppError } from "../../../errors";
import { requirePermission } from "../../../http/auth";
import { largeBody } from "../../../http/body-limits";
import { CHANNELS } from "../../../db/schema";
import { IMPORT_FIELDS } from "../../../services/spend/import-rows";
import { AD_PLATFORMS } from "../../../domain/ad-exports";
import { importSpend } from "../../../services/spend/spend-import";
import { isCurrencyCode, parseRate } from "../../../domain/money";
import { errorResponses, security } from "../../../http/openapi";

const mappingSchema = z.partialRecord(z.enum(IMPORT_FIELDS), z.string().max(200));
const currencySchema = z
  .string()
  .toUpperCase()
  .refine(isCurrencyCode, "Use an ISO 4217 currency code");
const ratesSchema = z.record(
  z.string().regex(/^[A-Z]{3}$/),
  z.string().refine((s) => parseRate(s) !== null, "A rate is a positive decimal"),
);

const importBody = z.object({
  csv: z.string().min(1, "The CSV is empty"),
  mapping: mappingSchema.optional(),
  asset_id: z.number().int().positive().optional(),
  channel: z.enum(CHANNELS).optional(),
  utm_source: z.string().max(200).optional(),
  utm_medium: z.string().max(200).optional(),
  currency: currencySchema.optional(),
  rates: ratesSchema.default({}),
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
const importForm = z.object({
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
  dry_run: blankless(z.enum(["true", "false"]).transform((v) => v === "true")),
});

const rowError = z.object({
  line: z.number().int(),
  field: z.string().nullable(),
  reason: z.string(),
});
const importResult = z
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
        reporting_minor: z.number().int(),
        impressions: z.number().int().nullable(),
        clicks: z.number().int().nullable(),
        duplicate: z.boolean(),
      }),
    ),
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
  summary: "Import an ad platform's cost report as downloaded (preview with dry_run)",
  description:
    "Upload the export as multipart field `file` (any of UTF-8, UTF-8 with BOM, UTF-16 and GBK/GB18030; comma, tab or semicolon), or send its text as JSON `csv`. Google Ads, Microsoft Advertising, Meta, LinkedIn, 百度营销, 巨量引擎 and 腾讯广告 exports are recognised without settings: title blocks, blank lines, total rows and footers are skipped and listed in `skipped`. Columns day, day_to, campaign, account, cost, currency, impressions, clicks are found by the platforms' header names; give `mapping` when headers differ. All or nothing: any bad row is reported with its line and nothing is written. Rows already imported are skipped, so the same file twice adds nothing.",
  security,
  middleware: [requirePermission("spend.write"), largeBody] as const,
  request: {
    body: {
      // Not `required`: with two media types, @hono/zod-openapi then runs only the validator of the
      // content type sent (a required body runs both, and JSON would fail the form's schema). A body
      // of neither type is still a 415, and a missing one fails the JSON schema (`csv` is required).
      required: false,
      content: {
        "multipart/form-data": { schema: importForm },
        "application/json": { schema: importBody },
      },
    },
  },
  responses: {
    200: {
      description: "Preview or import result",
      content: { "application/json": { schema: importResult } },
    },
    ...errorResponses(400),
  },
});

/** A form's fields in the JSON body's shape; the file stays a File until the handler reads its bytes. */
function fromForm(f: z.infer<typeof importForm>) {
  return {
    ...f,
    csv: f.file,
    rates: f.rates ?? {},
    dry_run: f.dry_run ?? false,
  };
}

export function registerImportSpend(app: OpenAPIHono<AppEnv>) {
  app.openapi(importSpendRoute, async (c) => {
    const multipart = /^multipart\/form-data/i.test(c.req.header("content-type") ?? "");
    // One route, two bodies: the validator ran the schema of the content type sent.
    const b = multipart
      ? fromForm(c.req.valid("form") as z.infer<typeof importForm>)
      : (c.req.valid("json") as z.infer<typeof importBody>);
    const result = await importSpend(
      c.get("db"),
      {
        csv: typeof b.csv === "string" ? b.csv : new Uint8Array(await b.csv.arrayBuffer()),
        mapping: b.mapping,
        target: {
          asset_id: b.asset_id,
          channel: b.channel,
          utm_source: b.utm_source,
          utm_medium: b.utm_medium,
        },
        currency: b.currency,
        rates: b.rates,
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
    if (result.imported)
      await audit(c, {
        action: "spend.import",
        subject: { type: "spend_import", id: null },
        before: null,
        after: {
          imported: result.imported,
          duplicates: result.duplicates,
          currency: b.currency ?? null,
          target: { asset_id: b.asset_id ?? null, channel: b.channel ?? null },
        },
      });
    else noChange(c);
    return c.json(importResult.parse(result), 200);
  });
}
