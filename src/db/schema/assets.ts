// An asset is a piece of gated content (whitepaper or course) with its landing page and gate form.
import { sqliteTable, text, integer } from "drizzle-orm/sqlite-core";
import { id, createdAt, updatedAt } from "./columns";

export const ASSET_KINDS = ["whitepaper", "course"] as const;
export const LOCALES = ["zh-CN", "en"] as const;
export const ASSET_STATUSES = ["draft", "published"] as const;
export const FORM_FIELDS = ["name", "company", "job_title", "phone", "company_size"] as const;
export const FIELD_MODES = ["hidden", "optional", "required"] as const;

export type AssetKind = (typeof ASSET_KINDS)[number];
export type Locale = (typeof LOCALES)[number];
export type FormField = (typeof FORM_FIELDS)[number];
export type FieldMode = (typeof FIELD_MODES)[number];

/** Which gate fields are shown/required, and the consent the asset asks for. */
export interface FormSettings {
  fields: Record<FormField, FieldMode>;
  consent: { text: string; required: boolean; version: string } | null;
}

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
  status: text("status", { enum: ASSET_STATUSES }).notNull().default("draft"),
  sequenceId: integer("sequence_id"),
  doubleOptIn: integer("double_opt_in", { mode: "boolean" }).notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export type Asset = typeof assets.$inferSelect;
export type NewAsset = typeof assets.$inferInsert;
