// POST /api/v1/leads/{id}/accept (sales): the owner (or the CRM for them) accepts a routed lead; the deadline stops.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { audit, noChange } from "../../../http/audit";
import { requirePermission } from "../../../http/auth";
import { acceptOwnedLead } from "../../../services/routing/accept";
import { errorResponses, idParams, jsonContent, security } from "../../../http/openapi";

const acceptedSchema = z
  .object({
    lead_id: z.number().int(),
    owner_id: z.number().int(),
    accepted_at: z.string().openapi({ format: "date-time" }),
    accepted: z.boolean().openapi({ description: "false when it had been accepted already" }),
  })
  .openapi("LeadAccepted");

const route = createRoute({
  method: "post",
  path: "/api/v1/leads/{id}/accept",
  tags: ["Routing"],
  summary: "Accept a lead routed to its owner (stops the acceptance deadline)",
  description:
    "A token accepts on behalf of the lead's current owner (a CRM syncing its users). Separate from outcomes: accepting ownership is not the sales-accepted stage, which `POST /leads/{id}/outcomes` records.",
  security,
  middleware: [requirePermission("outcomes.write")] as const,
  request: { params: idParams },
  responses: {
    200: jsonContent(acceptedSchema, "Accepted (or accepted already)"),
    ...errorResponses(400, 404, 409),
  },
});

export function registerAcceptLead(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const id = c.req.valid("param").id;
    const out = await acceptOwnedLead(c.get("db"), id, null, c.get("now"));
    if (out.accepted)
      await audit(c, {
        action: "lead.accept",
        subject: { type: "lead", id },
        before: { owner_id: out.ownerId, accepted: false },
        after: { owner_id: out.ownerId, accepted: true },
      });
    else noChange(c);
    return c.json(
      acceptedSchema.parse({
        lead_id: id,
        owner_id: out.ownerId,
        accepted_at: new Date(out.acceptedAt).toISOString(),
        accepted: out.accepted,
      }),
      200,
    );
  });
}
