// GET /api/v1/captured-mail[/{id}[/html]]: what the local sink kept, for marketers checking a sequence.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../http/app-env";
import { permissionsOfScopes } from "../../domain/permissions";
import { AppError } from "../../errors";
import { requirePermission } from "../../http/auth";
import { getCapturedMail, listCapturedMail } from "../../services/nurture/mail-sink";
import { capturedHtml } from "../../services/nurture/captured-html";
import { SANDBOXED_HTML_HEADERS } from "../../http/security";
import { errorResponses, security } from "../../http/openapi";
import { isoTime as iso } from "../../domain/http-time";

const summary = z
  .object({
    id: z.string(),
    from: z.string(),
    to: z.array(z.string()),
    subject: z.string(),
    tags: z.array(z.object({ name: z.string(), value: z.string() })),
    created_at: z.string(),
  })
  .openapi("CapturedEmail");
const full = summary
  .extend({
    html: z.string().nullable(),
    text: z.string().nullable(),
    headers: z.record(z.string(), z.string()),
  })
  .openapi("CapturedEmailFull");
const idParam = z.object({
  id: z
    .string()
    .uuid()
    .openapi({ param: { name: "id", in: "path" } }),
});

const listRoute = createRoute({
  method: "get",
  path: "/api/v1/captured-mail",
  tags: ["nurture"],
  summary: "Mail kept by the local Resend sink, newest first",
  security,
  middleware: [requirePermission("mail.read")] as const,
  request: {
    query: z.object({
      limit: z.coerce.number().int().min(1).max(200).default(50),
      before: z.coerce.number().int().positive().optional(),
      to: z.string().max(320).optional(),
    }),
  },
  responses: {
    200: {
      description: "Captured mail",
      content: { "application/json": { schema: z.object({ data: z.array(summary) }) } },
    },
    ...errorResponses(400),
  },
});

const getRoute = createRoute({
  method: "get",
  path: "/api/v1/captured-mail/{id}",
  tags: ["nurture"],
  summary: "One captured email with its HTML, text and headers",
  security,
  middleware: [requirePermission("mail.read")] as const,
  request: { params: idParam },
  responses: {
    200: { description: "The email", content: { "application/json": { schema: full } } },
    ...errorResponses(404),
  },
});

/** Teammates' mail holds sign-in links: only a token that manages people reads it. */
const mayReadTeamMail = (c: Context<AppEnv>) =>
  permissionsOfScopes(c.get("principal").scopes).has("people.manage");

export function registerCapturedMail(app: OpenAPIHono<AppEnv>) {
  app.openapi(listRoute, async (c) => {
    const q = c.req.valid("query");
    const rows = await listCapturedMail(c.get("db"), { ...q, withTeamMail: mayReadTeamMail(c) });
    return c.json(
      { data: rows.map((r) => summary.parse({ ...r, created_at: iso(r.createdAt) })) },
      200,
    );
  });
  app.openapi(getRoute, async (c) => {
    const mail = await getCapturedMail(c.get("db"), c.req.valid("param").id, {
      withTeamMail: mayReadTeamMail(c),
    });
    if (!mail) throw new AppError("NOT_FOUND", "No captured email has this id");
    return c.json(full.parse({ ...mail, created_at: iso(mail.createdAt) }), 200);
  });
  // The rendered email as a browser would show it, made inert and served in a CSP sandbox.
  app.get("/api/v1/captured-mail/:id/html", requirePermission("mail.read"), async (c) => {
    const html = await capturedHtml(c.get("db"), c.req.param("id"), {
      withTeamMail: mayReadTeamMail(c),
    });
    if (html === null) throw new AppError("NOT_FOUND", "No captured email with HTML has this id");
    return c.body(html, 200, SANDBOXED_HTML_HEADERS);
  });
}
