// The spend API: one file per operation.
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { registerCreateSpend } from "./create";
import { registerListSpend } from "./list";
import { registerDeleteSpend } from "./delete";
import { registerImportSpend } from "./import";
import { registerExchangeRates } from "./exchange-rates";

export function registerSpendRoutes(app: OpenAPIHono<AppEnv>) {
  registerImportSpend(app);
  registerCreateSpend(app);
  registerListSpend(app);
  registerDeleteSpend(app);
  registerExchangeRates(app);
}
