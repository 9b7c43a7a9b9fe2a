// DELETE /api/v1/spend/{id}: remove a spend record (an imported row can then be imported again).
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { audit } from "../../../http/audit";
import { spendRecord } from "../../../http/audit-records";
import { requirePermission } from "../../../http/auth";
import { deleteSpend } from "../../../services/spend/spend-service";
import { errorResponses, security } from "../../../http/openapi";

const deleteSpendRoute = createRoute({
  method: "delete",
  path: "/api/v1/spend/{id}",
  tags: ["spend"],
  summary: "Delete a spend record",
  security,
  middleware: [requirePermission("spend.write")] as const,
  request: { params: z.object({ id: z.coerce.number().int().positive() }) },
  responses: {
    204: { description: "Deleted" },
    ...errorResponses(404),
  },
});

export function registerDeleteSpend(app: OpenAPIHono<AppEnv>) {
  app.openapi(deleteSpendRoute, async (c) => {
    const id = c.req.valid("param").id;
    const before = await deleteSpend(c.get("db"), id);
    await audit(c, {
      action: "spend.delete",
      subject: { type: "spend", id },
      before: spendRecord(before),
      after: null,
    });
    return c.body(null, 204);
  });
}
