// PATCH /api/v1/assets/{id} (assets.write): changes the fields given (and the status), validated as a whole.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { audit } from "../../../http/audit";
import { assetRecord, assetStatusAction } from "../../../http/audit-records";
import { requirePermission } from "../../../http/auth";
import { publicOrigin } from "../../../http/context";
import { patchAsset } from "../../../services/assets/manage-asset";
import { errorResponses, idParams, jsonBody, jsonContent, security } from "../../../http/openapi";
import { assetOut, assetSchema, patchAssetBody } from "./schemas";

const route = createRoute({
  method: "patch",
  path: "/api/v1/assets/{id}",
  tags: ["Assets"],
  summary: "Edit an asset or change its status",
  description:
    "Only the fields given change (`form.fields`, `form.privacy` and `consent` merge key by key); an unknown field is a 400 naming it. Status: draft, published and unlisted move freely among themselves; archived is for good (409). Publishing (or unlisting) a file kind needs its file, a link asset its `link_url` (409).",
  security,
  middleware: [requirePermission("assets.write")] as const,
  request: { params: idParams, body: jsonBody(patchAssetBody) },
  responses: { 200: jsonContent(assetSchema, "The asset"), ...errorResponses(400, 404, 409) },
});

export function registerUpdateAsset(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const id = c.req.valid("param").id;
    const { before, after } = await patchAsset(c.get("db"), id, c.req.valid("json"), c.get("now"));
    await audit(c, {
      action: before.status !== after.status ? assetStatusAction(after.status) : "asset.update",
      subject: { type: "asset", id },
      before: assetRecord(before),
      after: assetRecord(after),
    });
    return c.json(assetOut(after, publicOrigin(c.get("config").PUBLIC_BASE_URL, c.req.url)), 200);
  });
}
