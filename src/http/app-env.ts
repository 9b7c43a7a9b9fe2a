// The Hono environment of every route: the bindings, and what src/http/context.ts sets once per request.
import type { Bindings, Config, Db } from "../env";
import type { Context } from "../platform/context";

export type AppEnv = {
  Bindings: Bindings;
  /** Set once per request by src/http/context.ts: the context and, for brevity, its parts. */
  Variables: { ctx: Context; config: Config; db: Db; now: number; requestId: string };
};
