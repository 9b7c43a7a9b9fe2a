// GET /api/v1/assets (assets.read): every asset, newest first, a page at a time.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { requirePermission } from "../../../http/auth";
import { publicOrigin } from "../../../http/context";
import { listAssets } from "../../../services/assets/edit-asset";
import { errorResponses, jsonContent, security } from "../../../http/openapi";
import { assetOut, assetSchema } from "./schemas";

const query = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .openapi({ description: "`next_cursor` of the page before" }),
});

const route = createRoute({
  method: "get",
  path: "/api/v1/assets",
  tags: ["Assets"],
  summary: "List assets, newest first",
  security,
  middleware: [requirePermission("assets.read")] as const,
  request: { query },
  responses: {
    200: jsonContent(
      z.object({
        data: z.array(assetSchema),
        next_cursor: z.number().int().nullable(),
        has_more: z.boolean(),
      }),
      "A page of assets",
    ),
    ...errorResponses(400),
  },
});

export function registerListAssets(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const q = c.req.valid("query");
    const { rows, nextCursor } = await listAssets(c.get("db"), {
      limit: q.limit,
      before: q.cursor,
    });
    const origin = publicOrigin(c.get("config").PUBLIC_BASE_URL, c.req.url);
    return c.json(
      {
        data: rows.map((a) => assetOut(a, origin)),
        next_cursor: nextCursor,
        has_more: nextCursor !== null,
      },
      200,
    );
  });
}
