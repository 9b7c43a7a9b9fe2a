// POST /api/v1/links: make a tagged landing URL for an asset and campaign, and keep it in the list.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { audit, actorOf } from "../../../http/audit";
import { linkRecord as linkAudit } from "../../../http/audit-records";
import { requirePermission } from "../../../http/auth";
import { publicOrigin } from "../../../http/context";
import { makeLink, type LinkInput } from "../../../services/links/links";
import { errorResponses, jsonContent, security } from "../../../http/openapi";
import { linkInput, linkJson, linkRecord } from "./schemas";

const createLinkRoute = createRoute({
  method: "post",
  path: "/api/v1/links",
  tags: ["links"],
  summary: "Make a tagged landing URL",
  description:
    "utm_source and utm_medium are trimmed and lower-cased, the campaign, content and term trimmed, exactly as capture reads them. A `preset` (google_cpc, baidu_cpc, linkedin_paid_social, wechat_social, newsletter_email, …) fills source and medium. The asset may be a draft (links can be made before launch) but not archived.",
  security,
  middleware: [requirePermission("links.write")] as const,
  request: { body: { required: true, content: { "application/json": { schema: linkInput } } } },
  responses: { 201: jsonContent(linkRecord, "The link made"), ...errorResponses(400) },
});

export function registerCreateLink(app: OpenAPIHono<AppEnv>) {
  app.openapi(createLinkRoute, async (c) => {
    const row = await makeLink(c.get("db"), c.req.valid("json") as LinkInput, {
      origin: publicOrigin(c.get("config").PUBLIC_BASE_URL, c.req.url),
      actor: actorOf(c)!,
      now: c.get("now"),
    });
    await audit(c, {
      action: "link.create",
      subject: { type: "link", id: row.id },
      before: null,
      after: linkAudit(row),
    });
    return c.json(linkJson(row), 201);
  });
}
