// Routing rule shapes in the API.
import { z } from "@hono/zod-openapi";
import { ROUTING_MATCHES } from "../../../db/schema";
import type { RoutingRule } from "../../../services/routing/rules-admin";

export const routingRuleSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    position: z
      .number()
      .int()
      .openapi({ description: "Rules are tried lowest first; the first match wins" }),
    match: z.enum(ROUTING_MATCHES),
    values: z.array(z.string()).openapi({
      description:
        "country: ISO codes (CN, US); company_size: the gate's sizes (51-200); asset: asset ids; default: none",
    }),
    team: z.array(z.number().int()).openapi({
      description: "Person ids (sales or admin role) who take its leads round robin, in this order",
    }),
    turns: z
      .number()
      .int()
      .openapi({ description: "Leads handed out so far (the round-robin cursor)" }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("RoutingRule");

export const routingRuleFields = {
  name: z.string().trim().min(1).max(120),
  position: z.number().int().min(0).max(100_000),
  match: z.enum(ROUTING_MATCHES),
  values: z.array(z.string().trim().min(1).max(64)).max(200),
  team: z.array(z.number().int().positive()).max(50),
};

export function routingRuleOut(r: RoutingRule) {
  return routingRuleSchema.parse({
    id: r.id,
    name: r.name,
    position: r.position,
    match: r.match,
    values: r.values,
    team: r.team,
    turns: r.turns,
    created_at: new Date(r.createdAt).toISOString(),
    updated_at: new Date(r.updatedAt).toISOString(),
  });
}
