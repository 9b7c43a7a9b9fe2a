// Deployment-wide settings a marketer edits in the dashboard (/admin/settings): one row per key, the value as JSON.
import { sqliteTable, text } from "drizzle-orm/sqlite-core";
import { updatedAt } from "./columns";

export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value", { mode: "json" }).$type<unknown>().notNull(),
  updatedAt: updatedAt(),
});

export type SettingRow = typeof settings.$inferSelect;
