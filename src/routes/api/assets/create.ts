// POST /api/v1/assets (assets.write): a new draft asset, validated as the dashboard's editor validates it.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { audit } from "../../../http/audit";
import { assetRecord } from "../../../http/audit-records";
import { requirePermission } from "../../../http/auth";
import { publicOrigin } from "../../../http/context";
import { createAsset } from "../../../services/assets/manage-asset";
import { errorResponses, jsonBody, jsonContent, security } from "../../../http/openapi";
import { assetOut, assetSchema, createAssetBody } from "./schemas";

const route = createRoute({
  method: "post",
  path: "/api/v1/assets",
  tags: ["Assets"],
  summary: "Create an asset (a draft)",
  description:
    "Kinds: whitepaper, report, ebook (a file: `PUT …/file`), course (live sessions), link (a gated https URL in `link_url`). Omitted fields take the standard gate (name required, phone hidden) and optional marketing consent. A slug already taken is a 409 naming `slug`.",
  security,
  middleware: [requirePermission("assets.write")] as const,
  request: { body: jsonBody(createAssetBody) },
  responses: { 201: jsonContent(assetSchema, "The new draft"), ...errorResponses(400, 409) },
});

export function registerCreateAsset(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const asset = await createAsset(c.get("db"), c.req.valid("json"), c.get("now"));
    await audit(c, {
      action: "asset.create",
      subject: { type: "asset", id: asset.id },
      before: null,
      after: assetRecord(asset),
    });
    return c.json(assetOut(asset, publicOrigin(c.get("config").PUBLIC_BASE_URL, c.req.url)), 201);
  });
}
