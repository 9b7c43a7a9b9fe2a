// The assets API: one file per operation (uploads share one).
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { registerCreateAsset } from "./create";
import { registerListAssets } from "./list";
import { registerGetAsset } from "./get";
import { registerUpdateAsset } from "./update";
import { registerDeleteAsset } from "./delete";
import { registerAssetUploads } from "./uploads";

export function registerAssetRoutes(app: OpenAPIHono<AppEnv>) {
  registerCreateAsset(app);
  registerListAssets(app);
  registerGetAsset(app);
  registerUpdateAsset(app);
  registerDeleteAsset(app);
  registerAssetUploads(app);
}
