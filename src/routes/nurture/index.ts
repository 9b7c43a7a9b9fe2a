// Nurture's HTTP surface: unsubscribe, click and open tracking, opt-in, the Resend webhook, the local mail sink.
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../http/app-env";
import { registerUnsubscribe } from "./unsubscribe";
import { registerTracking } from "./tracking";
import { registerOptin } from "./optin";
import { registerResendHook } from "./resend-hook";
import { registerDevResend } from "./dev-resend";
import { registerCapturedMail } from "./captured-mail";

export function registerNurtureRoutes(app: OpenAPIHono<AppEnv>) {
  registerUnsubscribe(app);
  registerTracking(app);
  registerOptin(app);
  registerResendHook(app);
  registerDevResend(app);
  registerCapturedMail(app);
}
