// PUT /api/v1/assets/{id}/sequence (marketing): authors a new drip for the asset; steps whose
// templates need what the asset cannot supply are refused with field details, before anything is stored.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { audit } from "../../../http/audit";
import { requirePermission } from "../../../http/auth";
import { getAssetSequence, replaceAssetSequence } from "../../../services/nurture/asset-sequence";
import { errorResponses, idParams, jsonBody, jsonContent, security } from "../../../http/openapi";
import { sequenceBody, sequenceOut } from "./schemas";
import { sequenceRecord } from "../../../http/audit-records";

const route = createRoute({
  method: "put",
  path: "/api/v1/assets/{id}/sequence",
  tags: ["Nurture"],
  summary: "Author an asset's drip sequence",
  description:
    "When the steps change (their number, order, template, timing, conditions or window), new gate submissions enrol in a new sequence (201) and leads already enrolled finish the one they started. When only the name or the copy changes, the same steps keep their ids and every send not yet made uses the new words (200).",
  security,
  middleware: [requirePermission("sequences.write")] as const,
  request: { params: idParams, body: jsonBody(sequenceBody) },
  responses: {
    200: jsonContent(sequenceOut, "Only the words changed: the same steps, with their new copy"),
    201: jsonContent(sequenceOut, "A new sequence, as stored"),
    ...errorResponses(400, 404),
  },
});

export function registerPutSequence(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const id = c.req.valid("param").id;
    const before = await getAssetSequence(c.get("db"), id);
    const { sequence, edited } = await replaceAssetSequence(
      c.get("db"),
      id,
      c.req.valid("json"),
      c.get("now"),
    );
    await audit(c, {
      action: edited === "copy" ? "sequence.copy_edit" : "sequence.replace",
      subject: { type: "asset", id },
      before: before && sequenceRecord(before),
      after: sequenceRecord(sequence),
    });
    return edited === "copy"
      ? c.json(sequenceOut.parse(sequence), 200)
      : c.json(sequenceOut.parse(sequence), 201);
  });
}
