// GET/PATCH /api/v1/settings and PUT /api/v1/settings/logo (settings.manage: admins only): the workspace settings.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { audit } from "../../../http/audit";
import { settingsRecord } from "../../../http/audit-records";
import { requirePermission } from "../../../http/auth";
import { largeBody } from "../../../http/body-limits";
import { publicOrigin } from "../../../http/context";
import {
  loadSettings,
  patchSettings,
  settingsRefused,
  storeLogo,
} from "../../../services/settings/settings";
import { MAX_IMAGE_BYTES } from "../../../services/uploads/checked-upload";
import { IMAGE_TYPES } from "../../../domain/file-types";
import { errorResponses, jsonBody, jsonContent, security } from "../../../http/openapi";
import { settingsOut, settingsPatchBody, settingsSchema } from "./schemas";

const getRoute = createRoute({
  method: "get",
  path: "/api/v1/settings",
  tags: ["Settings"],
  summary: "Read the workspace settings",
  security,
  middleware: [requirePermission("settings.manage")] as const,
  responses: { 200: jsonContent(settingsSchema, "The settings"), ...errorResponses() },
});

const patchRoute = createRoute({
  method: "patch",
  path: "/api/v1/settings",
  tags: ["Settings"],
  summary: "Change workspace settings",
  description:
    "Only the settings given change; an unknown one is a 400 naming it. brand_color is #rrggbb; the privacy links and embed_origins are https (origins without a path); time_zone is IANA; mql_threshold is whole points (null: MQL_THRESHOLD), read by the next scoring.",
  security,
  middleware: [requirePermission("settings.manage")] as const,
  request: { body: jsonBody(settingsPatchBody) },
  responses: { 200: jsonContent(settingsSchema, "The settings"), ...errorResponses(400) },
});

const logoRoute = createRoute({
  method: "put",
  path: "/api/v1/settings/logo",
  tags: ["Settings"],
  summary: "Upload the workspace logo",
  description: `The raw body is the image (PNG, JPEG or WebP, told by its bytes; at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB). Served publicly at /brand/logo, shown in the landing pages' and emails' header.`,
  security,
  middleware: [requirePermission("settings.manage"), largeBody] as const,
  request: {
    body: {
      required: true,
      content: Object.fromEntries(
        [...IMAGE_TYPES.map((t) => t.type), "application/octet-stream"].map((t) => [
          t,
          { schema: z.string().openapi({ format: "binary" }) },
        ]),
      ),
    },
  },
  responses: {
    200: jsonContent(settingsSchema, "The settings, with the new logo"),
    ...errorResponses(400, 413, 415),
  },
});

export function registerSettingsRoutes(app: OpenAPIHono<AppEnv>) {
  const out = (
    c: Parameters<Parameters<typeof app.openapi>[1]>[0],
    s: Awaited<ReturnType<typeof loadSettings>>,
  ) =>
    settingsOut(
      s,
      publicOrigin(c.get("config").PUBLIC_BASE_URL, c.req.url),
      c.get("config").MQL_THRESHOLD,
    );

  app.openapi(getRoute, async (c) =>
    c.json(out(c, await loadSettings(c.get("db"), c.get("now"))), 200),
  );

  app.openapi(patchRoute, async (c) => {
    const db = c.get("db");
    const before = await loadSettings(db, c.get("now"));
    const result = await patchSettings(db, c.req.valid("json"), c.get("now"));
    if (!result.ok) throw settingsRefused(result.errors);
    await audit(c, {
      action: "settings.update",
      subject: { type: "settings", id: null },
      before: settingsRecord(before),
      after: settingsRecord(result.settings),
    });
    return c.json(out(c, result.settings), 200);
  });

  app.openapi(logoRoute, async (c) => {
    const db = c.get("db");
    const before = await loadSettings(db, c.get("now"));
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const upload = { bytes, declaredType: c.req.header("content-type") ?? null };
    const after = await storeLogo(db, c.env.FILES, upload, c.get("now"));
    await audit(c, {
      action: "settings.logo",
      subject: { type: "settings", id: null },
      before: settingsRecord(before),
      after: settingsRecord(after),
    });
    return c.json(out(c, after), 200);
  });
}
