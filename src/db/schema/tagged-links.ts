// Tagged landing URLs made with the link builder: the asset, the UTMs as cleaned, who made it and when.
import { sqliteTable, text, integer } from "drizzle-orm/sqlite-core";
import { id } from "./columns";
import { ACTOR_KINDS } from "../../domain/vocabulary";

export const taggedLinks = sqliteTable("tagged_links", {
  id: id(),
  assetId: integer("asset_id").notNull(),
  url: text("url").notNull(),
  utmSource: text("utm_source").notNull(),
  utmMedium: text("utm_medium").notNull(),
  utmCampaign: text("utm_campaign").notNull(),
  utmContent: text("utm_content"),
  utmTerm: text("utm_term"),
  /** Who made it, as the audit log names actors (fixed at the time). */
  createdByKind: text("created_by_kind", { enum: ACTOR_KINDS }).notNull(),
  createdById: integer("created_by_id"),
  createdByLabel: text("created_by_label").notNull(),
  createdAt: integer("created_at").notNull(),
});

export type TaggedLink = typeof taggedLinks.$inferSelect;
