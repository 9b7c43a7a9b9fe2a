// The assets offered in dashboard pickers (id and title, newest first).
import { desc } from "drizzle-orm";
import type { Db } from "../../env";
import { assets } from "../../db/schema";

export async function assetOptions(db: Db): Promise<{ id: number; title: string }[]> {
  return db.select({ id: assets.id, title: assets.title }).from(assets).orderBy(desc(assets.id)).limit(500);
}
