// POST /api/v1/spend: record spend for a day or a range, tied to an asset and/or channel/UTM.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { audit } from "../../../http/audit";
import { spendRecord as spendAudit } from "../../../http/audit-records";
import { requirePermission } from "../../../http/auth";
import { spendInput } from "../../../services/spend/spend-input";
import { createSpend } from "../../../services/spend/spend-service";
import { spendJson, spendRecord } from "./schemas";
import { errorResponses, security } from "../../../http/openapi";

const createSpendRoute = createRoute({
  method: "post",
  path: "/api/v1/spend",
  tags: ["spend"],
  summary: "Record spend",
  description:
    "Amounts are integer minor units. A currency other than the reporting currency needs `fx_rate` (reporting units per one unit of `currency`) or is refused.",
  security,
  middleware: [requirePermission("spend.write")] as const,
  request: { body: { required: true, content: { "application/json": { schema: spendInput } } } },
  responses: {
    201: {
      description: "The spend record",
      content: { "application/json": { schema: spendRecord } },
    },
    ...errorResponses(400),
  },
});

export function registerCreateSpend(app: OpenAPIHono<AppEnv>) {
  app.openapi(createSpendRoute, async (c) => {
    const row = await createSpend(c.get("db"), c.req.valid("json"), {
      now: c.get("now"),
      reportingCurrency: c.get("config").REPORTING_CURRENCY,
    });
    await audit(c, {
      action: "spend.create",
      subject: { type: "spend", id: row.id },
      before: null,
      after: spendAudit(row),
    });
    return c.json(spendJson(row), 201);
  });
}
