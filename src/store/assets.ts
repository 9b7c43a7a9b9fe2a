// Assets (the gated whitepapers and courses): the reads reports and spend make of them.
import { eq, sql } from "drizzle-orm";
import type { Db } from "../env";
import { assets, type Asset } from "../db/schema";
import { statement } from "./batch";

export type AssetTitle = Pick<Asset, "id" | "title" | "slug">;

/** Every asset's id, title and slug in id order, with the D1 rows read (raw: drizzle's select results carry no meta). */
export async function assetTitles(db: Db): Promise<{ rows: AssetTitle[]; rowsRead: number }> {
  const res = await statement(db.$client, sql`SELECT id, title, slug FROM assets ORDER BY id`).all<AssetTitle>();
  return { rows: res.results, rowsRead: res.meta.rows_read };
}

export async function assetIdExists(db: Db, id: number): Promise<boolean> {
  return !!(await db.query.assets.findFirst({ where: eq(assets.id, id), columns: { id: true } }));
}
