// The public paths a prospect meets: landing page, gate, thank-you page, download, share link, calendar file.
import type { Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { registerLanding } from "./landing";
import { registerGate } from "./gate";
import { registerDownload } from "./download";
import { registerReferral } from "./referral";
import { registerCalendar } from "./calendar";
import { registerHome } from "./home";
import { registerScripts } from "./scripts";
import { registerThankYou } from "./thank-you";
import { registerBrandLogo, registerCover } from "./cover";

export function registerPublicRoutes(app: Hono<AppEnv>) {
  registerHome(app);
  registerScripts(app);
  registerCalendar(app);
  registerThankYou(app);
  registerCover(app);
  registerBrandLogo(app);
  registerLanding(app);
  registerGate(app);
  registerDownload(app);
  registerReferral(app);
}
