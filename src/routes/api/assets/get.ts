// GET /api/v1/assets/{id} (assets.read): one asset.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { AppError } from "../../../errors";
import { requirePermission } from "../../../http/auth";
import { publicOrigin } from "../../../http/context";
import { findAssetById } from "../../../services/assets/find-asset";
import { errorResponses, idParams, jsonContent, security } from "../../../http/openapi";
import { assetOut, assetSchema } from "./schemas";

const route = createRoute({
  method: "get",
  path: "/api/v1/assets/{id}",
  tags: ["Assets"],
  summary: "Get an asset",
  security,
  middleware: [requirePermission("assets.read")] as const,
  request: { params: idParams },
  responses: { 200: jsonContent(assetSchema, "The asset"), ...errorResponses(400, 404) },
});

export function registerGetAsset(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const asset = await findAssetById(c.get("db"), c.req.valid("param").id);
    if (!asset) throw new AppError("NOT_FOUND", "No asset has this id");
    return c.json(assetOut(asset, publicOrigin(c.get("config").PUBLIC_BASE_URL, c.req.url)), 200);
  });
}
