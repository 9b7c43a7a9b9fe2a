// The JSON API for sales and operators: tokens, leads, outcomes, webhooks, score rules, privacy, audit, reference.
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../http/app-env";
import { registerCreateToken } from "./tokens/create";
import { registerListTokens } from "./tokens/list";
import { registerRevokeToken } from "./tokens/revoke";
import { registerListLeads } from "./leads/list";
import { registerGetLead } from "./leads/get";
import { registerCreateOutcome } from "./outcomes/create";
import { registerCreateWebhook } from "./webhooks/create";
import { registerListWebhooks } from "./webhooks/list";
import { registerGetWebhook } from "./webhooks/get";
import { registerUpdateWebhook } from "./webhooks/update";
import { registerDeleteWebhook } from "./webhooks/delete";
import { registerListDeliveries } from "./webhooks/deliveries";
import { registerGetDelivery } from "./webhooks/delivery";
import { registerReplayDelivery } from "./webhooks/replay";
import { registerRotateWebhookSecret } from "./webhooks/rotate-secret";
import { registerTestWebhook } from "./webhooks/test";
import { registerListRules } from "./rules/list";
import { registerCreateRule } from "./rules/create";
import { registerUpdateRule } from "./rules/update";
import { registerDeleteRule } from "./rules/delete";
import { registerPreviewRules } from "./rules/preview";
import { registerExportLead } from "./privacy/export";
import { registerEraseLead } from "./privacy/erase";
import { registerGetSequence } from "./sequences/get";
import { registerPutSequence } from "./sequences/put";
import { registerPreviewStep } from "./sequences/preview";
import { registerTestSendStep } from "./sequences/test-send";
import { registerListAuditLog } from "./audit/list";
import { registerDocsPage } from "./docs";
import { registerCreateLink } from "./links/create";
import { registerListLinks } from "./links/list";
import { registerOfflineConversionsExport } from "./exports/offline-conversions";
import { registerAcceptLead } from "./leads/accept";
import { registerImportLeads } from "./leads/import";
import { registerListRoutingRules } from "./routing-rules/list";
import { registerCreateRoutingRule } from "./routing-rules/create";
import { registerUpdateRoutingRule } from "./routing-rules/update";
import { registerDeleteRoutingRule } from "./routing-rules/delete";
import { webhookPayloadSchema } from "../../services/handoff/schemas";

export function registerApiRoutes(app: OpenAPIHono<AppEnv>) {
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "An API token (ldst_…) or the ADMIN_TOKEN",
  });
  // The body of every webhook Lodestone sends, so receivers find its schema in the document too.
  app.openAPIRegistry.register("WebhookPayload", webhookPayloadSchema);
  registerCreateToken(app);
  registerListTokens(app);
  registerRevokeToken(app);
  // Before GET /leads/{id}: no clash (a POST), but the literal path reads first in the document.
  registerImportLeads(app);
  registerListLeads(app);
  registerGetLead(app);
  registerCreateOutcome(app);
  registerAcceptLead(app);
  registerListRoutingRules(app);
  registerCreateRoutingRule(app);
  registerUpdateRoutingRule(app);
  registerDeleteRoutingRule(app);
  registerCreateWebhook(app);
  registerListWebhooks(app);
  registerGetWebhook(app);
  registerUpdateWebhook(app);
  registerDeleteWebhook(app);
  registerListDeliveries(app);
  registerGetDelivery(app);
  registerReplayDelivery(app);
  registerRotateWebhookSecret(app);
  registerTestWebhook(app);
  registerPreviewRules(app);
  registerListRules(app);
  registerCreateRule(app);
  registerUpdateRule(app);
  registerDeleteRule(app);
  registerExportLead(app);
  registerEraseLead(app);
  registerGetSequence(app);
  registerPutSequence(app);
  registerPreviewStep(app);
  registerTestSendStep(app);
  registerListAuditLog(app);
  registerCreateLink(app);
  registerListLinks(app);
  registerOfflineConversionsExport(app);
  registerDocsPage(app, {
    title: "Lodestone API",
    version: "1.0.0",
    description:
      "Leads, scores, outcomes, webhooks, spend and reports. The same zod schemas validate every route.",
  });
}
