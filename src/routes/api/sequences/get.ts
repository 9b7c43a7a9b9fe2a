// GET /api/v1/assets/{id}/sequence (marketing): the drip a lead starts when passing this asset's gate.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { AppError } from "../../../errors";
import { requirePermission } from "../../../http/auth";
import { getAssetSequence } from "../../../services/nurture/asset-sequence";
import { errorResponses, idParams, jsonContent, security } from "../../../http/openapi";
import { sequenceOut } from "./schemas";

const route = createRoute({
  method: "get",
  path: "/api/v1/assets/{id}/sequence",
  tags: ["Nurture"],
  summary: "Read an asset's drip sequence",
  security,
  middleware: [requirePermission("sequences.read")] as const,
  request: { params: idParams },
  responses: {
    200: jsonContent(sequenceOut, "The sequence and its steps"),
    ...errorResponses(404),
  },
});

export function registerGetSequence(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const sequence = await getAssetSequence(c.get("db"), c.req.valid("param").id);
    if (!sequence) throw new AppError("NOT_FOUND", "This asset starts no sequence");
    return c.json(sequenceOut.parse(sequence), 200);
  });
}
