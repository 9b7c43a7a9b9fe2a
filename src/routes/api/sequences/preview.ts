// POST /api/v1/assets/{id}/sequence/steps/{n}/preview (marketing): a step's email for a lead or a sample, not sent.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { noChange } from "../../../http/audit";
import { requirePermission } from "../../../http/auth";
import { publicOrigin } from "../../../http/context";
import { previewStep } from "../../../services/nurture/preview-step";
import { errorResponses, jsonBody, jsonContent, security } from "../../../http/openapi";
import { previewBody, previewOut, stepParams } from "./schemas";

const route = createRoute({
  method: "post",
  path: "/api/v1/assets/{id}/sequence/steps/{n}/preview",
  tags: ["Nurture"],
  summary: "Preview a step's email",
  description:
    "Renders step n (1-based) of the asset's sequence as a real lead (lead_id or lead_email) or a sample would get it, in the chosen locale, from the stored copy or from `copy` given here. Nothing is sent or written; links are not tracked.",
  security,
  middleware: [requirePermission("sequences.read")] as const,
  request: { params: stepParams, body: jsonBody(previewBody) },
  responses: {
    200: jsonContent(previewOut, "The subject, HTML and plain text"),
    ...errorResponses(400, 404),
  },
});

export function registerPreviewStep(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { id, n } = c.req.valid("param");
    const config = c.get("config");
    const preview = await previewStep(c.get("db"), id, n, c.req.valid("json"), {
      origin: publicOrigin(config.PUBLIC_BASE_URL, c.req.url),
      secret: config.SIGNING_SECRET,
      now: c.get("now"),
    });
    noChange(c);
    return c.json(previewOut.parse(preview), 200);
  });
}
