// POST /api/v1/spend/import: preview or import an ad platform's cost CSV, idempotently.
import { createRoute, type z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { audit, noChange } from "../../../http/audit";
import { AppError } from "../../../errors";
import { requirePermission } from "../../../http/auth";
import { largeBody } from "../../../http/body-limits";
import { importSpend } from "../../../services/spend/spend-import";
import { importBody, importForm, importResult } from "./import-schemas";
import { errorResponses, security } from "../../../http/openapi";

const importSpendRoute = createRoute({
  method: "post",
  path: "/api/v1/spend/import",
  tags: ["spend"],
  summary: "Import an ad platform's cost report as downloaded (preview with dry_run)",
  description:
    "Upload the export as multipart field `file` (any of UTF-8, UTF-8 with BOM, UTF-16 and GBK/GB18030; comma, tab or semicolon), or send its text as JSON `csv`. Google Ads, Microsoft Advertising, Meta, LinkedIn, 百度营销, 巨量引擎 and 腾讯广告 exports are recognised without settings: title blocks, blank lines, total rows and footers are skipped and listed in `skipped`. Columns day, day_to, campaign, account, cost, currency, impressions, clicks are found by the platforms' header names; give `mapping` when headers differ. All or nothing: any bad row is reported with its line and nothing is written. Spend is stored per campaign and day, keyed by platform, account, campaign and day: importing the same days again replaces them (whatever tie is chosen), so the same file twice adds nothing and a weekly export after a daily one replaces those days. The preview's `campaigns` say which leads each campaign will meet; map a campaign that meets none with `campaign_map`. A currency with no exchange rate is listed in `missing_rates` and converted by reports once a rate is set.",
  security,
  middleware: [requirePermission("spend.write"), largeBody] as const,
  request: {
    body: {
      // Not `required`: with two media types, @hono/zod-openapi then runs only the validator of the
      // content type sent (a required body runs both, and JSON would fail the form's schema). A body
      // of neither type (or none) is a 415 from the handler, and a JSON one without `csv` fails its schema.
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
    ...errorResponses(400, 415),
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
    const type = c.req.header("content-type") ?? "";
    const multipart = /^multipart\/form-data/i.test(type);
    // Neither body was validated for any other type: refuse it rather than read a body that is not there.
    if (!multipart && !/^application\/json/i.test(type))
      throw new AppError(
        "UNSUPPORTED_MEDIA_TYPE",
        "Send the file as multipart/form-data (field `file`) or JSON with a `csv` field",
      );
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
