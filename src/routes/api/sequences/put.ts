// PUT /api/v1/assets/{id}/sequence (marketing): authors a new drip for the asset; steps whose
// templates need what the asset cannot supply are refused with field details, before anything is stored.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { audit } from "../../../http/audit";
import { requirePermission } from "../../../http/auth";
import { getAssetSequence, replaceAssetSequence } from "../../../services/nurture/asset-sequence";
import { errorResponses, idParams, jsonBody, jsonContent, security } from "../../../http/openapi";
import { sequenceBody, sequenceOut } from "./schemas";

const route = createRoute({
  method: "put",
  path: "/api/v1/assets/{id}/sequence",
  tags: ["Nurture"],
  summary: "Author an asset's drip sequence",
  description:
    "New gate submissions enrol in the new sequence; leads already enrolled finish the one they started.",
  security,
  middleware: [requirePermission("sequences.write")] as const,
  request: { params: idParams, body: jsonBody(sequenceBody) },
  responses: {
    201: jsonContent(sequenceOut, "The sequence as stored"),
    ...errorResponses(400, 404),
  },
});

export function registerPutSequence(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const id = c.req.valid("param").id;
    const before = await getAssetSequence(c.get("db"), id);
    const sequence = await replaceAssetSequence(c.get("db"), id, c.req.valid("json"), c.get("now"));
    await audit(c, {
      action: "sequence.replace",
      subject: { type: "asset", id },
      before: before && { name: before.name, steps: before.steps },
      after: { name: sequence.name, steps: sequence.steps },
    });
    return c.json(sequenceOut.parse(sequence), 201);
  });
}
