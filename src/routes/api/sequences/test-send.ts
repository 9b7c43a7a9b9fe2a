// POST /api/v1/assets/{id}/sequence/steps/{n}/test (marketing): mails one [Test] copy of a step to an address.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { audit } from "../../../http/audit";
import { requirePermission } from "../../../http/auth";
import { publicOrigin } from "../../../http/context";
import { sendTestOfStep, TEST_SEND_ACTION } from "../../../services/nurture/test-send";
import { errorResponses, jsonBody, jsonContent, security } from "../../../http/openapi";
import { stepParams, testSendBody, testSendOut } from "./schemas";

const route = createRoute({
  method: "post",
  path: "/api/v1/assets/{id}/sequence/steps/{n}/test",
  tags: ["Nurture"],
  summary: "Send a test of a step's email",
  description:
    "Mails the preview of step n to `to` with the subject prefixed [Test], through Resend (the local sink in development). It writes no send ledger row, is not tracked and is never counted in reports. A suppressed address is refused (409); at most 10 test sends every 10 minutes per workspace (429). Audited.",
  security,
  middleware: [requirePermission("sequences.write")] as const,
  request: { params: stepParams, body: jsonBody(testSendBody) },
  responses: {
    202: jsonContent(testSendOut, "Accepted by the mail service"),
    ...errorResponses(400, 404, 409, 429),
  },
});

export function registerTestSendStep(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { id, n } = c.req.valid("param");
    const config = c.get("config");
    const sent = await sendTestOfStep(c.get("db"), config, id, n, c.req.valid("json"), {
      origin: publicOrigin(config.PUBLIC_BASE_URL, c.req.url),
      now: c.get("now"),
    });
    await audit(c, {
      action: TEST_SEND_ACTION,
      subject: { type: "asset", id },
      after: { step: n, locale: sent.locale, to_domain: sent.to.split("@")[1] ?? "" },
    });
    return c.json(testSendOut.parse(sent), 202);
  });
}
