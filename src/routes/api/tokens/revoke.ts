// DELETE /api/v1/tokens/{id} (admin): revokes a token at once; it answers 401 from then on.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { audit, noChange } from "../../../http/audit";
import { tokenRecord } from "../../../http/audit-records";
import { AppError } from "../../../errors";
import { requirePermission } from "../../../http/auth";
import { revokeToken } from "../../../services/access/tokens";
import { errorResponses, idParams, jsonContent, security } from "../../../http/openapi";
import { tokenSchema, tokenOut } from "./schemas";

const route = createRoute({
  method: "delete",
  path: "/api/v1/tokens/{id}",
  tags: ["Tokens"],
  summary: "Revoke an API token",
  security,
  middleware: [requirePermission("tokens.manage")] as const,
  request: { params: idParams },
  responses: { 200: jsonContent(tokenSchema, "The revoked token"), ...errorResponses(400, 404) },
});

export function registerRevokeToken(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const row = await revokeToken(c.get("db"), c.req.valid("param").id, c.get("now"));
    if (!row) throw new AppError("NOT_FOUND", "No token has this id");
    // Revoking is idempotent: only the call that revoked it changed anything.
    if (row.revokedAt === c.get("now"))
      await audit(c, {
        action: "token.revoke",
        subject: { type: "api_token", id: row.id },
        before: { ...tokenRecord(row), revoked_at: null },
        after: tokenRecord(row),
      });
    else noChange(c);
    return c.json(tokenOut(row), 200);
  });
}
