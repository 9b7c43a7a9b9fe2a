// GET /: nothing public lives at the root; send people to the marketer dashboard.
import type { Hono } from "hono";
import type { AppEnv } from "../../http/app-env";

export function registerHome(app: Hono<AppEnv>) {
  app.get("/", (c) => c.redirect("/admin", 302));
}
