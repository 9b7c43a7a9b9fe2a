// DELETE /api/v1/leads/{id} (admin): erases a person's data; counts and rollups stay, the address stays suppressed.
import { suppressionSecret } from "../../../env";
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { audit, noChange } from "../../../http/audit";
import { requirePermission } from "../../../http/auth";
import { eraseLead } from "../../../services/privacy/privacy";
import { errorResponses, idParams, jsonContent, security } from "../../../http/openapi";

const erased = z
  .object({ id: z.number().int(), erased_at: z.string(), already_erased: z.boolean() })
  .openapi("LeadErased");

const route = createRoute({
  method: "delete",
  path: "/api/v1/leads/{id}",
  tags: ["Privacy"],
  summary: "Erase a lead's personal data",
  security,
  middleware: [requirePermission("privacy.manage")] as const,
  request: { params: idParams },
  responses: { 200: jsonContent(erased, "Erased (or erased before)"), ...errorResponses(400, 404) },
});

export function registerEraseLead(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const id = c.req.valid("param").id;
    const out = await eraseLead(c.get("db"), id, c.get("now"), suppressionSecret(c.get("config")));
    // The entry names the lead by id only: nothing of the person erased is kept here.
    if (!out.already)
      await audit(c, {
        action: "lead.erase",
        subject: { type: "lead", id },
        before: null,
        after: { erased_at: new Date(out.erasedAt).toISOString() },
      });
    else noChange(c);
    return c.json(
      erased.parse({
        id,
        erased_at: new Date(out.erasedAt).toISOString(),
        already_erased: out.already,
      }),
      200,
    );
  });
}
