// GET /api/v1/audit-log (admin): who changed what, newest first, with a cursor; optionally one record's history.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { requirePermission } from "../../../http/auth";
import { listAudit, type AuditRow } from "../../../services/access/audit";
import { ACTOR_KINDS } from "../../../domain/vocabulary";
import { errorResponses, security } from "../../../http/openapi";

const query = z.object({
  cursor: z.coerce.number().int().positive().optional().openapi({
    description: "next_cursor of the previous page",
  }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  subject_type: z.string().max(50).optional().openapi({ example: "asset" }),
  subject_id: z.string().max(100).optional().openapi({ example: "12" }),
});

const entry = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.object({
      kind: z.enum(ACTOR_KINDS),
      id: z.number().int().nullable(),
      label: z.string(),
    }),
    action: z.string().openapi({ example: "asset.update" }),
    subject: z.object({ type: z.string(), id: z.string().nullable() }),
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
  })
  .openapi("AuditEntry");
const page = z.object({ data: z.array(entry), next_cursor: z.number().int().nullable() });

const route = createRoute({
  method: "get",
  path: "/api/v1/audit-log",
  tags: ["Audit"],
  summary: "The audit log: who changed what, newest first",
  security,
  middleware: [requirePermission("audit.read")] as const,
  request: { query },
  responses: {
    200: { description: "A page of changes", content: { "application/json": { schema: page } } },
    ...errorResponses(400),
  },
});

function entryJson(r: AuditRow): z.infer<typeof entry> {
  return {
    id: r.id,
    at: new Date(r.at).toISOString(),
    actor: { kind: r.actorKind, id: r.actorId, label: r.actorLabel },
    action: r.action,
    subject: { type: r.subjectType, id: r.subjectId },
    before: r.before,
    after: r.after,
  };
}

export function registerListAuditLog(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const q = c.req.valid("query");
    const { rows, nextCursor } = await listAudit(c.get("db"), {
      limit: q.limit,
      cursor: q.cursor,
      subjectType: q.subject_type,
      subjectId: q.subject_id,
    });
    c.header("Cache-Control", "no-store");
    return c.json(page.parse({ data: rows.map(entryJson), next_cursor: nextCursor }), 200);
  });
}
