// One drizzle client per D1 binding.
import { type DrizzleD1Database, drizzle } from "drizzle-orm/d1";
import * as schema from "./schema";

/** The database as services and the store see it: drizzle over D1, with the raw binding for batches. */
export type Db = DrizzleD1Database<typeof schema> & { $client: D1Database };

const clients = new WeakMap<D1Database, Db>();

export function getDb(d1: D1Database): Db {
  let db = clients.get(d1);
  if (!db) {
    db = drizzle(d1, { schema });
    clients.set(d1, db);
  }
  return db;
}
