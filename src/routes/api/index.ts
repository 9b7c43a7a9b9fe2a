// The JSON API for sales and operators: tokens, leads, outcomes, webhooks, score rules, privacy, reference.
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../env";
import { registerCreateToken } from "./tokens/create";
import { registerListTokens } from "./tokens/list";
import { registerRevokeToken } from "./tokens/revoke";
import { registerListLeads } from "./leads/list";
import { registerGetLead } from "./leads/get";
import { registerCreateOutcome } from "./outcomes/create";

export function registerApiRoutes(app: OpenAPIHono<AppEnv>) {
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer", description: "An API token (ldst_…) or the ADMIN_TOKEN" });
  registerCreateToken(app);
  registerListTokens(app);
  registerRevokeToken(app);
  registerListLeads(app);
  registerGetLead(app);
  registerCreateOutcome(app);
}
