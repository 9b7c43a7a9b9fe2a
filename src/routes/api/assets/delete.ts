// DELETE /api/v1/assets/{id} (assets.write): removes a draft nothing refers to; archives any other asset.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { audit } from "../../../http/audit";
import { assetRecord } from "../../../http/audit-records";
import { requirePermission } from "../../../http/auth";
import { publicOrigin } from "../../../http/context";
import { removeAsset } from "../../../services/assets/manage-asset";
import { errorResponses, idParams, jsonContent, security } from "../../../http/openapi";
import { assetOut, assetSchema } from "./schemas";

const removal = z.object({
  outcome: z.enum(["deleted", "archived"]),
  asset: assetSchema.nullable().openapi({ description: "The archived asset; null once deleted" }),
});

const route = createRoute({
  method: "delete",
  path: "/api/v1/assets/{id}",
  tags: ["Assets"],
  summary: "Delete a draft, or archive an asset that has been used",
  description:
    'Deleting must not orphan leads: only a draft that nothing refers to (no views, captures, touches, enrolments, spend, links, sessions or sequence) is removed, with its file and cover (`outcome: "deleted"`). Any other asset is archived instead (`outcome: "archived"`): its page and links stop (410), its leads, touches and figures stay.',
  security,
  middleware: [requirePermission("assets.write")] as const,
  request: { params: idParams },
  responses: { 200: jsonContent(removal, "What was done"), ...errorResponses(400, 404) },
});

export function registerDeleteAsset(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const id = c.req.valid("param").id;
    const r = await removeAsset(c.get("db"), c.env.FILES, id, c.get("now"));
    await audit(c, {
      action: r.outcome === "deleted" ? "asset.delete" : "asset.archive",
      subject: { type: "asset", id },
      before: assetRecord(r.before),
      after: r.outcome === "deleted" ? null : assetRecord(r.after),
    });
    const origin = publicOrigin(c.get("config").PUBLIC_BASE_URL, c.req.url);
    return c.json(
      { outcome: r.outcome, asset: r.outcome === "archived" ? assetOut(r.after, origin) : null },
      200,
    );
  });
}
