// One drizzle client per D1 binding, and per request a read client over a D1 session (read replicas).
import { type DrizzleD1Database, drizzle } from "drizzle-orm/d1";
import * as schema from "./schema";

/** The database as services and the store see it: drizzle over D1, with the raw binding for batches. */
export type Db = DrizzleD1Database<typeof schema> & { $client: D1Database };

const clients = new WeakMap<D1Database, Db>();

/** The primary: every write, and every read that must see a write made just before it. */
export function getDb(d1: D1Database): Db {
  let db = clients.get(d1);
  if (!db) {
    db = drizzle(d1, { schema });
    clients.set(d1, db);
  }
  return db;
}

/**
 * Reads that may be served by a read replica (docs/decisions/0019-reads-from-replicas.md): a D1 session
 * opened "first-unconstrained", so its first query goes to the nearest copy, primary or replica, and every
 * later query of the session sees at least what that one saw (sequential consistency). A write sent through
 * it still goes to the primary. One session per request; drizzle needs only prepare and batch, which a
 * session has (it has no exec or dump, which nothing here calls on $client).
 */
export function replicaDb(d1: D1Database): Db {
  const session = d1.withSession("first-unconstrained");
  return drizzle(session as unknown as D1Database, { schema });
}
