// The context of one request or one queue batch, built once: database, validated config, clock, logger.
import { getDb, replicaDb } from "../db/client";
import { type Bindings, type Config, type Db, loadConfig } from "../env";
import { type Logger, logger, setLogLevel } from "./logger";

export interface Context {
  db: Db;
  /**
   * Reports and dashboard lists: a D1 session a read replica may serve, opened on first use. Never for a
   * write's own read-back (that stays on db, the primary).
   */
  readonly readDb: Db;
  config: Config;
  /** The time the request or batch started (epoch ms): one clock for everything it does. */
  now: number;
  log: Logger;
  /** `x-request-id` of a request; the queue and first message id of a job batch. */
  id: string;
}

export function createContext(env: Bindings, id: string, now = Date.now()): Context {
  const config = loadConfig(env);
  setLogLevel(config.LOG_LEVEL);
  let read: Db | undefined;
  return {
    db: getDb(env.DB),
    get readDb() {
      read ??= replicaDb(env.DB);
      return read;
    },
    config,
    now,
    log: logger(),
    id,
  };
}

/** The request id: Cloudflare's ray id when there is one, otherwise a fresh random id. */
export function requestIdOf(req: Request): string {
  const ray = req.headers.get("cf-ray");
  return ray && /^[\w-]{1,64}$/.test(ray) ? ray : crypto.randomUUID();
}
