// An asset is a piece of gated content (a file, a course or a gated link) with its landing page and gate form.
import { sqliteTable, text, integer } from "drizzle-orm/sqlite-core";
import { id, createdAt, updatedAt } from "./columns";
import {
  ASSET_KINDS,
  LOCALES,
  ASSET_STATUSES,
  FORM_FIELDS,
  FIELD_MODES,
  type AssetKind,
  type Locale,
  type FormField,
  type FieldMode,
  type FormSettings,
  MARKETING_CONSENT_MODES,
  type MarketingConsentMode,
  type MarketingConsentSettings,
} from "../../domain/vocabulary";

export {
  ASSET_KINDS,
  LOCALES,
  ASSET_STATUSES,
  FORM_FIELDS,
  FIELD_MODES,
  type AssetKind,
  type Locale,
  type FormField,
  type FieldMode,
  type FormSettings,
  MARKETING_CONSENT_MODES,
  type MarketingConsentMode,
  type MarketingConsentSettings,
};

export const assets = sqliteTable("assets", {
  id: id(),
  slug: text("slug").notNull().unique(),
  kind: text("kind", { enum: ASSET_KINDS }).notNull(),
  title: text("title").notNull(),
  summary: text("summary").notNull().default(""),
  outline: text("outline", { mode: "json" }).$type<string[]>().notNull().default([]),
  locale: text("locale", { enum: LOCALES }).notNull().default("en"),
  timezone: text("timezone").notNull().default("UTC"),
  form: text("form", { mode: "json" }).$type<FormSettings>().notNull(),
  fileKey: text("file_key"),
  fileName: text("file_name"),
  fileType: text("file_type"),
  roomUrl: text("room_url"),
  /** A `link` asset's https URL (a video, a tool): the signed download link redirects to it. */
  linkUrl: text("link_url"),
  /** The landing page's cover image in R2 (PNG, JPEG or WebP), served at /p/{slug}/cover. */
  coverKey: text("cover_key"),
  coverType: text("cover_type"),
  status: text("status", { enum: ASSET_STATUSES }).notNull().default("draft"),
  sequenceId: integer("sequence_id"),
  doubleOptIn: integer("double_opt_in", { mode: "boolean" }).notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export type Asset = typeof assets.$inferSelect;
export type NewAsset = typeof assets.$inferInsert;
