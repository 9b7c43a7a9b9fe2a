// The exact consent words a gate showed, kept once per distinct text and never changed: captures point at them by hash.
import { sqliteTable, text, integer } from "drizzle-orm/sqlite-core";
import { LOCALES, type Locale } from "../../domain/vocabulary";

export const consentTexts = sqliteTable("consent_texts", {
  /** SHA-256 (hex) of `text`: the same words are one row however many captures showed them. */
  hash: text("hash").primaryKey(),
  locale: text("locale", { enum: LOCALES }).$type<Locale>().notNull(),
  /** Every line the visitor saw about privacy and marketing, with the privacy policy's URL, as shown. */
  text: text("text").notNull(),
  createdAt: integer("created_at").notNull(),
});

export type ConsentText = typeof consentTexts.$inferSelect;
