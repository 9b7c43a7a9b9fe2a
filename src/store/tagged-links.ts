// Tagged links: the link builder writes one row per link made and lists them newest first, with their asset.
import { desc, eq } from "drizzle-orm";
import type { Db } from "../env";
import { assets, taggedLinks, type TaggedLink } from "../db/schema";

export type NewTaggedLink = Omit<TaggedLink, "id">;
export type TaggedLinkRow = TaggedLink & { assetTitle: string; assetSlug: string };

export async function insertTaggedLink(db: Db, values: NewTaggedLink): Promise<TaggedLink> {
  const [row] = await db.insert(taggedLinks).values(values).returning();
  return row!;
}

/** The latest links made, newest first, each with its asset's title and slug. */
export async function latestTaggedLinks(db: Db, limit: number): Promise<TaggedLinkRow[]> {
  const rows = await db
    .select({ link: taggedLinks, assetTitle: assets.title, assetSlug: assets.slug })
    .from(taggedLinks)
    .innerJoin(assets, eq(assets.id, taggedLinks.assetId))
    .orderBy(desc(taggedLinks.id))
    .limit(limit);
  return rows.map((r) => ({ ...r.link, assetTitle: r.assetTitle, assetSlug: r.assetSlug }));
}
