// Assets (gated files, courses and links): the public pages' reads, the dashboard's and API's edits, the drip an asset starts, and the reads reports and spend make.
import { eq, sql, and, desc, lt } from "drizzle-orm";
import type { Db } from "../env";
import { assets, type Asset, type NewAsset } from "../db/schema";
import { statement } from "./batch";

type AssetTitle = Pick<Asset, "id" | "title" | "slug">;

/** Every asset's id, title and slug in id order, with the D1 rows read (raw: drizzle's select results carry no meta). */
export async function assetTitles(db: Db): Promise<{ rows: AssetTitle[]; rowsRead: number }> {
  const res = await statement(
    db.$client,
    sql`SELECT id, title, slug FROM assets ORDER BY id`,
  ).all<AssetTitle>();
  return { rows: res.results, rowsRead: res.meta.rows_read };
}

export async function assetIdExists(db: Db, id: number): Promise<boolean> {
  return !!(await db.query.assets.findFirst({ where: eq(assets.id, id), columns: { id: true } }));
}

export async function publishedAssetBySlug(db: Db, slug: string): Promise<Asset | undefined> {
  return db.query.assets.findFirst({
    where: and(eq(assets.slug, slug), eq(assets.status, "published")),
  });
}

export async function assetById(db: Db, id: number): Promise<Asset | undefined> {
  return db.query.assets.findFirst({ where: eq(assets.id, id) });
}

/** Any asset with this slug, published or not. */
export async function assetBySlug(db: Db, slug: string): Promise<Asset | undefined> {
  return db.query.assets.findFirst({ where: eq(assets.slug, slug) });
}

/** Who holds a slug (slugs are unique). */
export async function assetIdBySlug(db: Db, slug: string): Promise<Pick<Asset, "id"> | undefined> {
  return db.query.assets.findFirst({ where: eq(assets.slug, slug), columns: { id: true } });
}

/** Newest first, `before` an id to page back; one row more than `limit` tells whether a next page exists. */
export async function assetPage(
  db: Db,
  opts: { limit: number; before?: number },
): Promise<Asset[]> {
  return db
    .select()
    .from(assets)
    .where(opts.before ? lt(assets.id, opts.before) : undefined)
    .orderBy(desc(assets.id))
    .limit(opts.limit + 1);
}

/** The assets offered in dashboard pickers. */
export async function assetPickerRows(db: Db): Promise<Pick<Asset, "id" | "title">[]> {
  return db
    .select({ id: assets.id, title: assets.title })
    .from(assets)
    .orderBy(desc(assets.id))
    .limit(500);
}

export async function insertAsset(db: Db, values: NewAsset): Promise<Asset | undefined> {
  const [row] = await db.insert(assets).values(values).returning();
  return row;
}

/** Creates the asset unless its slug is taken (the demo seed runs again safely). */
export async function insertAssetUnlessSlugTaken(db: Db, values: NewAsset): Promise<void> {
  await db.insert(assets).values(values).onConflictDoNothing({ target: assets.slug });
}

export async function updateAsset(
  db: Db,
  id: number,
  values: Partial<NewAsset>,
): Promise<Asset | undefined> {
  const [row] = await db.update(assets).set(values).where(eq(assets.id, id)).returning();
  return row;
}

/** Points the asset at a sequence; a query for the service's batch with the sequence's steps. */
export function assignAssetSequence(db: Db, assetId: number, sequenceId: number, now: number) {
  return db.update(assets).set({ sequenceId, updatedAt: now }).where(eq(assets.id, assetId));
}

/**
 * Deletes the asset only while it is a draft nothing refers to: no rollup row (every view, capture and download
 * writes one), no touch, enrolment, spend, spend mapping, tagged link or session, and no sequence. One statement,
 * so a capture cannot land between the check and the delete. Raw: NOT EXISTS over other tables in one DELETE.
 * The touches check has no asset index: it is a scan, paid only when a draft is deleted.
 */
export async function deleteUnusedDraft(db: Db, id: number): Promise<boolean> {
  const res = await db.run(sql`
    DELETE FROM assets WHERE id = ${id} AND status = 'draft' AND sequence_id IS NULL
      AND NOT EXISTS (SELECT 1 FROM asset_daily WHERE asset_id = ${id})
      AND NOT EXISTS (SELECT 1 FROM enrolments WHERE asset_id = ${id})
      AND NOT EXISTS (SELECT 1 FROM spend WHERE asset_id = ${id})
      AND NOT EXISTS (SELECT 1 FROM spend_campaign_mappings WHERE asset_id = ${id})
      AND NOT EXISTS (SELECT 1 FROM tagged_links WHERE asset_id = ${id})
      AND NOT EXISTS (SELECT 1 FROM course_sessions WHERE asset_id = ${id})
      AND NOT EXISTS (SELECT 1 FROM touches WHERE asset_id = ${id})`);
  return res.meta.changes > 0;
}
