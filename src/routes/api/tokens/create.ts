// POST /api/v1/tokens (admin): creates a scoped token; the secret is in this answer and nowhere else.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { audit } from "../../../http/audit";
import { tokenRecord } from "../../../http/audit-records";
import { SCOPES } from "../../../db/schema";
import { requirePermission } from "../../../http/auth";
import { createToken } from "../../../services/access/tokens";
import { errorResponses, jsonBody, jsonContent, security } from "../../../http/openapi";
import { tokenSchema, tokenOut } from "./schemas";

const body = z.object({
  name: z.string().trim().min(1).max(100).openapi({ example: "CRM sync" }),
  scopes: z
    .array(z.enum(SCOPES))
    .min(1)
    .max(3)
    .openapi({ example: ["sales"] }),
});
const created = tokenSchema
  .extend({ token: z.string().openapi({ description: "The secret. Shown once: store it now." }) })
  .openapi("CreatedApiToken");

const route = createRoute({
  method: "post",
  path: "/api/v1/tokens",
  tags: ["Tokens"],
  summary: "Create a scoped API token",
  security,
  middleware: [requirePermission("tokens.manage")] as const,
  request: { body: jsonBody(body) },
  responses: {
    201: jsonContent(created, "The token, with its secret shown this once"),
    ...errorResponses(400),
  },
});

export function registerCreateToken(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { row, secret } = await createToken(c.get("db"), c.req.valid("json"), c.get("now"));
    await audit(c, {
      action: "token.create",
      subject: { type: "api_token", id: row.id },
      before: null,
      after: tokenRecord(row),
    });
    c.header("Cache-Control", "no-store");
    return c.json(created.parse({ ...tokenOut(row), token: secret }), 201);
  });
}
