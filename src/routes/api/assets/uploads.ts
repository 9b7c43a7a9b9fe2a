// PUT /api/v1/assets/{id}/file and /cover (assets.write): the raw body is the file, checked by its bytes, into R2.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { AppError } from "../../../errors";
import { audit } from "../../../http/audit";
import { assetRecord } from "../../../http/audit-records";
import { requirePermission } from "../../../http/auth";
import { largeBody } from "../../../http/body-limits";
import { publicOrigin } from "../../../http/context";
import { findAssetById } from "../../../services/assets/find-asset";
import {
  MAX_FILE_BYTES,
  MAX_IMAGE_BYTES,
  storeAssetFile,
  storeCover,
} from "../../../services/assets/asset-files";
import { DOCUMENT_TYPES, IMAGE_TYPES, type FileType } from "../../../domain/file-types";
import { errorResponses, idParams, jsonContent, security } from "../../../http/openapi";
import { assetOut, assetSchema } from "./schemas";

const binary = (types: readonly FileType[]) =>
  Object.fromEntries(
    [...types.map((t) => t.type), "application/octet-stream"].map((t) => [
      t,
      { schema: z.string().openapi({ format: "binary" }) },
    ]),
  );
const names = (types: readonly FileType[]) => types.map((t) => t.label).join(", ");

const fileRoute = createRoute({
  method: "put",
  path: "/api/v1/assets/{id}/file",
  tags: ["Assets"],
  summary: "Upload the file a whitepaper, report or ebook delivers",
  description: `The raw body is the file (at most ${MAX_FILE_BYTES / 1024 / 1024} MB): ${names(DOCUMENT_TYPES)}, told by its first bytes, never by its name or Content-Type alone (a Content-Type naming another type is a 415). No video: a video is a \`link\` asset. \`?name=\` sets the downloaded file's name. Replaces the earlier file.`,
  security,
  middleware: [requirePermission("assets.write"), largeBody] as const,
  request: {
    params: idParams,
    query: z.object({ name: z.string().max(200).optional() }),
    body: { required: true, content: binary(DOCUMENT_TYPES) },
  },
  responses: {
    200: jsonContent(assetSchema, "The asset, pointing at its new file"),
    ...errorResponses(400, 404, 409, 413, 415),
  },
});

const coverRoute = createRoute({
  method: "put",
  path: "/api/v1/assets/{id}/cover",
  tags: ["Assets"],
  summary: "Upload the landing page's cover image",
  description: `The raw body is the image (at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB): ${names(IMAGE_TYPES)}, told by its first bytes. Served at \`/p/{slug}/cover\` while the asset is published.`,
  security,
  middleware: [requirePermission("assets.write"), largeBody] as const,
  request: { params: idParams, body: { required: true, content: binary(IMAGE_TYPES) } },
  responses: {
    200: jsonContent(assetSchema, "The asset, with its new cover"),
    ...errorResponses(400, 404, 413, 415),
  },
});

export function registerAssetUploads(app: OpenAPIHono<AppEnv>) {
  app.openapi(fileRoute, async (c) => {
    const db = c.get("db");
    const before = await findAssetById(db, c.req.valid("param").id);
    if (!before) throw new AppError("NOT_FOUND", "No asset has this id");
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const upload = {
      bytes,
      declaredType: c.req.header("content-type") ?? null,
      name: c.req.valid("query").name ?? null,
    };
    const after = await storeAssetFile(db, c.env.FILES, before, upload, c.get("now"));
    await audit(c, {
      action: "asset.file",
      subject: { type: "asset", id: after.id },
      before: assetRecord(before),
      after: assetRecord(after),
    });
    return c.json(assetOut(after, publicOrigin(c.get("config").PUBLIC_BASE_URL, c.req.url)), 200);
  });

  app.openapi(coverRoute, async (c) => {
    const db = c.get("db");
    const before = await findAssetById(db, c.req.valid("param").id);
    if (!before) throw new AppError("NOT_FOUND", "No asset has this id");
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const upload = { bytes, declaredType: c.req.header("content-type") ?? null };
    const after = await storeCover(db, c.env.FILES, before, upload, c.get("now"));
    await audit(c, {
      action: "asset.cover",
      subject: { type: "asset", id: after.id },
      before: assetRecord(before),
      after: assetRecord(after),
    });
    return c.json(assetOut(after, publicOrigin(c.get("config").PUBLIC_BASE_URL, c.req.url)), 200);
  });
}
