// GET /api/v1/spend: spend records, newest first, with a cursor.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { requirePermission } from "../../../http/auth";
import { listSpend } from "../../../services/spend/spend-service";
import { spendJson, spendRecord } from "./schemas";
import { errorResponses, security } from "../../../http/openapi";

const query = z.object({
  asset_id: z.coerce.number().int().positive().optional(),
  cursor: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
const page = z.object({ data: z.array(spendRecord), next_cursor: z.number().int().nullable() });

const listSpendRoute = createRoute({
  method: "get",
  path: "/api/v1/spend",
  tags: ["spend"],
  summary: "List spend records",
  security,
  middleware: [requirePermission("spend.read")] as const,
  request: { query },
  responses: {
    200: {
      description: "A page of spend records",
      content: { "application/json": { schema: page } },
    },
    ...errorResponses(400),
  },
});

export function registerListSpend(app: OpenAPIHono<AppEnv>) {
  app.openapi(listSpendRoute, async (c) => {
    const q = c.req.valid("query");
    const { rows, nextCursor } = await listSpend(c.get("db"), {
      limit: q.limit,
      before: q.cursor,
      assetId: q.asset_id,
    });
    return c.json(page.parse({ data: rows.map(spendJson), next_cursor: nextCursor }), 200);
  });
}
