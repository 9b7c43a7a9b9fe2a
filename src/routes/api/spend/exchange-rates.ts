// PUT/GET /api/v1/exchange-rates: rates by day that turn spend and revenue into the reporting currency.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { audit } from "../../../http/audit";
import { requirePermission } from "../../../http/auth";
import { listRates, putRates, rateInput } from "../../../services/spend/exchange-rates";
import { isValidDay } from "../../../domain/report-days";
import { errorResponses, jsonBody, jsonContent, security } from "../../../http/openapi";

const rate = z
  .object({ currency: z.string(), day: z.string(), rate: z.string() })
  .openapi("ExchangeRate");
const putBody = z
  .object({
    rates: z.array(rateInput).max(5000).optional(),
    csv: z
      .string()
      .max(1_000_000)
      .optional()
      .openapi({ description: "CSV text with the columns day, currency, rate (in any order)" }),
  })
  .refine((b) => b.rates !== undefined || b.csv !== undefined, {
    message: "Give rates or csv",
    path: ["rates"],
  });
const day = z.string().refine(isValidDay, "Use a calendar day as YYYY-MM-DD");

const putRoute = createRoute({
  method: "put",
  path: "/api/v1/exchange-rates",
  tags: ["spend"],
  summary: "Set exchange rates by day",
  description:
    "`rate` is how many units of the reporting currency one unit of `currency` was worth on `day`. A day uses the latest rate on or before it, so a weekend needs none. A rate already stored for the same currency and day is replaced. All or nothing: any bad line is named and nothing is saved.",
  security,
  middleware: [requirePermission("spend.write")] as const,
  request: { body: jsonBody(putBody) },
  responses: {
    200: jsonContent(z.object({ saved: z.number().int() }), "How many rates were saved"),
    ...errorResponses(400),
  },
});

const getRoute = createRoute({
  method: "get",
  path: "/api/v1/exchange-rates",
  tags: ["spend"],
  summary: "List exchange rates",
  security,
  middleware: [requirePermission("spend.read")] as const,
  request: {
    query: z.object({
      currency: z.string().trim().toUpperCase().length(3).optional(),
      from: day.default("1970-01-01"),
      to: day.default("9999-12-31"),
      limit: z.coerce.number().int().min(1).max(5000).default(1000),
    }),
  },
  responses: {
    200: jsonContent(z.object({ data: z.array(rate) }), "Rates, by currency then day"),
    ...errorResponses(400),
  },
});

export function registerExchangeRates(app: OpenAPIHono<AppEnv>) {
  app.openapi(putRoute, async (c) => {
    const b = c.req.valid("json");
    const out = await putRates(c.get("db"), b, {
      now: c.get("now"),
      reportingCurrency: c.get("config").REPORTING_CURRENCY,
    });
    await audit(c, {
      action: "exchange_rates.put",
      subject: { type: "exchange_rates", id: null },
      before: null,
      after: { saved: out.saved },
    });
    return c.json({ saved: out.saved }, 200);
  });
  app.openapi(getRoute, async (c) => {
    const q = c.req.valid("query");
    return c.json({ data: await listRates(c.get("db"), q) }, 200);
  });
}
