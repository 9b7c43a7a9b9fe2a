// D1 batches from drizzle `sql` templates: one round trip, all or nothing, with D1's row meters.
import type { SQL } from "drizzle-orm";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import type { Db } from "../env";

const dialect = new SQLiteSyncDialect();

export function statement(d1: D1Database, query: SQL): D1PreparedStatement {
  const q = dialect.sqlToQuery(query);
  return d1.prepare(q.sql).bind(...q.params);
}

/** Runs the statements as one D1 batch (a transaction); returns each statement's rows and meta. */
export function batch<T = Record<string, unknown>>(db: Db, queries: SQL[]): Promise<D1Result<T>[]> {
  return db.$client.batch<T>(queries.map((q) => statement(db.$client, q)));
}
