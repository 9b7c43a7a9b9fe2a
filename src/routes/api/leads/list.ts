// GET /api/v1/leads (sales, marketing): scored leads with filters and a cursor; ?email= looks one up.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { STAGES } from "../../../db/schema";
import { requirePermission } from "../../../http/auth";
import { listLeads } from "../../../services/leads/list-leads";
import { errorResponses, jsonContent, security } from "../../../http/openapi";
import { listedLeadOut, listedLeadSchema } from "./schemas";

const query = z.object({
  min_score: z.coerce
    .number()
    .int()
    .min(-100_000)
    .max(100_000)
    .optional()
    .openapi({ description: "Only leads with at least this score", example: 50 }),
  stage: z.enum(STAGES).optional(),
  asset: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .openapi({ description: "Only leads with a touch on this asset id" }),
  updated_since: z.iso
    .datetime({ offset: true })
    .optional()
    .openapi({ description: "Only leads changed at or after this time (ISO 8601)" }),
  cursor: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: "next_cursor from the previous page" }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  email: z
    .string()
    .max(254)
    .optional()
    .openapi({ description: "Look up one lead by email address (other filters are ignored)" }),
});
const page = z
  .object({
    data: z.array(listedLeadSchema),
    next_cursor: z.string().nullable().openapi({
      description: "Pass as cursor for the next page; also at the end, to poll for changes later",
    }),
    has_more: z.boolean(),
  })
  .openapi("LeadPage");

const route = createRoute({
  method: "get",
  path: "/api/v1/leads",
  tags: ["Leads"],
  summary: "List scored leads (oldest change first) or look one up by email",
  description:
    "Leads appear once scored (seconds after capture). A lead that changes moves to the end of the order, so paging never skips a lead; it may show a changed lead again.",
  security,
  middleware: [requirePermission("leads.read")] as const,
  request: { query },
  responses: { 200: jsonContent(page, "A page of leads"), ...errorResponses(400) },
});

export function registerListLeads(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const q = c.req.valid("query");
    const out = await listLeads(c.get("ctx").readDb, {
      minScore: q.min_score,
      stage: q.stage,
      assetId: q.asset,
      cursor: q.cursor,
      limit: q.limit,
      email: q.email,
      updatedSince: q.updated_since === undefined ? undefined : Date.parse(q.updated_since),
    });
    return c.json(
      page.parse({
        data: out.leads.map(listedLeadOut),
        next_cursor: out.nextCursor,
        has_more: out.hasMore,
      }),
      200,
    );
  });
}
