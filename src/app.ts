// The app factory: context, security headers, the error handler, every route, the OpenAPI document.
import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./http/app-env";
import { badRequest } from "./errors";
import { requestContext } from "./http/context";
import { onError } from "./http/on-error";
import { securityHeaders } from "./http/security";
import { auditTrail } from "./http/audit";
import { bodyLimits } from "./http/body-limits";
import { registerPublicRoutes } from "./routes/public";
import { registerApiRoutes } from "./routes/api";
import { registerSpendRoutes } from "./routes/api/spend";
import { registerReportRoutes } from "./routes/api/reports";
import { registerAssetRoutes } from "./routes/api/assets";
import { registerSettingsRoutes } from "./routes/api/settings/routes";
import { registerSessionRoutes } from "./routes/api/sessions";
import { registerAdminRoutes } from "./routes/admin";
import { registerNurtureRoutes } from "./routes/nurture";
import { notFoundPage } from "./routes/public/notices";
import { AppError, errorBody } from "./errors";

export function createApp() {
  const app = new OpenAPIHono<AppEnv>({
    // Every zod validation failure becomes the one 400 envelope with field details.
    defaultHook: (result) => {
      if (!result.success) throw badRequest(result.error);
    },
  });
  app.use("*", securityHeaders);
  app.use("*", requestContext);
  app.use("*", bodyLimits);
  app.use("/api/*", auditTrail);
  app.onError(onError);
  app.notFound((c) => {
    if (c.req.path.startsWith("/api/"))
      return c.json(errorBody(new AppError("NOT_FOUND", "No such route")), 404);
    return notFoundPage(c);
  });

  registerPublicRoutes(app);
  registerNurtureRoutes(app);
  registerApiRoutes(app);
  registerSpendRoutes(app);
  registerReportRoutes(app);
  registerAssetRoutes(app);
  registerSettingsRoutes(app);
  registerSessionRoutes(app);
  registerAdminRoutes(app);

  app.doc31("/api/v1/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Lodestone API",
      version: "1.0.0",
      description: "Gated-content lead capture and nurture: leads, outcomes, spend, reports.",
    },
  });
  return app;
}
