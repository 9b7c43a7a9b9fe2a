// GET /api/v1/exports/offline-conversions.csv: sales outcomes back to the ad platforms, in each one's upload format.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { requirePermission } from "../../../http/auth";
import { errorResponses, security } from "../../../http/openapi";
import { addDays, dayToMs, isValidDay, daySpan } from "../../../domain/report-days";
import { hasInvisibleCharacters } from "../../../domain/gate-form";
import {
  CONVERSION_STAGES,
  DEFAULT_CONVERSION_NAMES,
  OFFLINE_PLATFORMS,
  parseTimeZone,
} from "../../../domain/offline-conversions";
import { offlineConversionsFile } from "../../../services/exports/offline-conversions";

const MAX_DAYS = 366;
const day = z.string().refine(isValidDay, "Use a calendar day as YYYY-MM-DD");

const query = z
  .object({
    platform: z.enum(OFFLINE_PLATFORMS),
    stage: z.enum(CONVERSION_STAGES),
    from: day,
    to: day,
    variant: z.enum(["enhanced"]).optional().openapi({
      description:
        "google_ads only: the enhanced conversions for leads file (hashed email, no gclid)",
    }),
    conversion_name: z
      .string()
      .min(1)
      .max(100)
      .refine((v) => !hasInvisibleCharacters(v), "No control characters")
      .optional()
      .openapi({
        description: "The conversion action's name at the platform (Meta: the event_name)",
      }),
    time_zone: z.string().max(64).optional().openapi({
      description:
        "The zone the Conversion Time is written in: a GMT offset such as +0800 (default +0000), or for Google an IANA name such as Asia/Shanghai",
    }),
  })
  .superRefine((q, ctx) => {
    if (q.to < q.from)
      ctx.addIssue({ code: "custom", path: ["to"], message: "`to` must be on or after `from`" });
    else if (daySpan(q.from, q.to) > MAX_DAYS)
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: `A file covers at most ${MAX_DAYS} days`,
      });
    if (q.variant && q.platform !== "google_ads")
      ctx.addIssue({
        code: "custom",
        path: ["variant"],
        message: "Only google_ads has an enhanced variant",
      });
    if (q.time_zone !== undefined) {
      const tz = parseTimeZone(q.time_zone);
      if (!tz)
        ctx.addIssue({
          code: "custom",
          path: ["time_zone"],
          message: "Use a GMT offset such as +0800 or an IANA zone name",
        });
      else if (tz.kind === "iana" && q.platform === "microsoft_ads")
        ctx.addIssue({
          code: "custom",
          path: ["time_zone"],
          message: "Microsoft's template takes a GMT offset such as +0800, not a zone name",
        });
    }
  });

const route = createRoute({
  method: "get",
  path: "/api/v1/exports/offline-conversions.csv",
  tags: ["exports"],
  summary: "Offline conversions for Google Ads, Microsoft Advertising or Meta",
  description:
    "Leads that reached `stage` between `from` and `to` (UTC days, inclusive), with a marketing basis (consent given or implied) and not erased. google_ads: Google's click-conversion template (gclid only; clicks older than 90 days left out) or, with `variant=enhanced`, its enhanced conversions for leads template (SHA-256 of the normalised email and phone). microsoft_ads: Microsoft's offline conversion template (msclkid; clicks older than 90 days left out). meta: Conversions API server events as NDJSON, one `data` element a line (`em` SHA-256 of the trimmed, lower-cased email; `fbc` from the `_fbc` cookie or `fb.1.<ms>.<fbclid>`; events older than 7 days left out). Won carries the deal's amount in the reporting currency. No BOM. `X-Conversions` counts the rows, `X-Left-Out-Expired` those the platform would refuse as too old.",
  security,
  middleware: [requirePermission("conversions.export")] as const,
  request: { query },
  responses: {
    200: {
      description: "The upload file",
      content: {
        "text/csv": { schema: z.string() },
        "application/x-ndjson": { schema: z.string() },
      },
    },
    ...errorResponses(400),
  },
});

export function registerOfflineConversionsExport(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const q = c.req.valid("query");
    const file = await offlineConversionsFile(
      c.get("db"),
      {
        platform: q.platform,
        stage: q.stage,
        from: dayToMs(q.from),
        to: dayToMs(addDays(q.to, 1)),
        enhanced: q.variant === "enhanced",
        conversionName: q.conversion_name ?? DEFAULT_CONVERSION_NAMES[q.stage],
        timeZone: parseTimeZone(q.time_zone ?? "+0000")!,
      },
      { now: c.get("now"), reportingCurrency: c.get("config").REPORTING_CURRENCY },
    );
    const name = `${q.platform}${q.variant ? `-${q.variant}` : ""}-${q.stage}-${q.from}-${q.to}.${file.extension}`;
    return c.body(file.body, 200, {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="offline-conversions-${name}"`,
      "x-conversions": String(file.count),
      "x-left-out-expired": String(file.leftOutExpired),
    });
  });
}
