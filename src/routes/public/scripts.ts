// GET /static/local-time.js, /static/copy-link.js and /static/asset-preview.js: our scripts, from our own origin (the CSP allows 'self').
import type { Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import {
  LOCAL_TIME_SCRIPT,
  LOCAL_TIME_SCRIPT_PATH,
} from "../../../templates/pages/scripts/local-time";
import {
  COPY_LINK_SCRIPT,
  COPY_LINK_SCRIPT_PATH,
} from "../../../templates/admin/scripts/copy-link";
import {
  ASSET_PREVIEW_SCRIPT,
  ASSET_PREVIEW_SCRIPT_PATH,
} from "../../../templates/admin/scripts/asset-preview";

const script = (body: string) => ({
  body,
  headers: {
    "content-type": "text/javascript; charset=utf-8",
    "cache-control": "public, max-age=3600",
  },
});

export function registerScripts(app: Hono<AppEnv>) {
  app.get(LOCAL_TIME_SCRIPT_PATH, (c) =>
    c.body(LOCAL_TIME_SCRIPT, 200, {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "public, max-age=3600",
    }),
  );
  // The dashboard's link builder's copy button (no inline script, so the CSP needs no nonce).
  app.get(COPY_LINK_SCRIPT_PATH, (c) =>
    c.body(COPY_LINK_SCRIPT, 200, {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "public, max-age=3600",
    }),
  );
  // The asset editor's live preview.
  const preview = script(ASSET_PREVIEW_SCRIPT);
  app.get(ASSET_PREVIEW_SCRIPT_PATH, (c) => c.body(preview.body, 200, preview.headers));
}
