// GET /static/local-time.js: the public pages' one script, from our own origin (the CSP allows 'self').
import type { Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import {
  LOCAL_TIME_SCRIPT,
  LOCAL_TIME_SCRIPT_PATH,
} from "../../../templates/pages/scripts/local-time";

export function registerScripts(app: Hono<AppEnv>) {
  app.get(LOCAL_TIME_SCRIPT_PATH, (c) =>
    c.body(LOCAL_TIME_SCRIPT, 200, {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "public, max-age=3600",
    }),
  );
}
