// GET /api/v1/links: the tagged links made, newest first, with who made each and when.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { requirePermission } from "../../../http/auth";
import { listLinks, LINK_LIST_LIMIT } from "../../../services/links/links";
import { errorResponses, jsonContent, security } from "../../../http/openapi";
import { linkJson, linkRecord } from "./schemas";

const listLinksRoute = createRoute({
  method: "get",
  path: "/api/v1/links",
  tags: ["links"],
  summary: "List the tagged links made",
  description: `The latest ${LINK_LIST_LIMIT}, newest first.`,
  security,
  middleware: [requirePermission("links.read")] as const,
  responses: {
    200: jsonContent(z.object({ links: z.array(linkRecord) }), "The links"),
    ...errorResponses(),
  },
});

export function registerListLinks(app: OpenAPIHono<AppEnv>) {
  app.openapi(listLinksRoute, async (c) => {
    const rows = await listLinks(c.get("db"));
    return c.json({ links: rows.map(linkJson) }, 200);
  });
}
