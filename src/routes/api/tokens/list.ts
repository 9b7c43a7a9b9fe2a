// GET /api/v1/tokens (admin): every token with its scopes, last use and revocation; never a secret.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { requirePermission } from "../../../http/auth";
import { listTokens } from "../../../services/access/tokens";
import { errorResponses, jsonContent, security } from "../../../http/openapi";
import { tokenSchema, tokenOut } from "./schemas";

const list = z.object({ data: z.array(tokenSchema) });

const route = createRoute({
  method: "get",
  path: "/api/v1/tokens",
  tags: ["Tokens"],
  summary: "List API tokens",
  security,
  middleware: [requirePermission("tokens.manage")] as const,
  responses: { 200: jsonContent(list, "Tokens, newest first"), ...errorResponses() },
});

export function registerListTokens(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) =>
    c.json(list.parse({ data: (await listTokens(c.get("db"))).map(tokenOut) }), 200),
  );
}
