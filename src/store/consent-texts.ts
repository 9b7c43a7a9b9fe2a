// Consent texts: the exact words gates showed, one row per distinct text, written once and never changed.
import { sql, type SQL } from "drizzle-orm";
import type { Locale } from "../db/schema";

/** Keeps the text unless the same words are kept already (then it writes nothing). */
export function keepConsentText(t: {
  hash: string;
  locale: Locale;
  text: string;
  at: number;
}): SQL {
  // Raw: a capture batch statement; DO NOTHING on the hash leaves the first row as it was.
  return sql`INSERT INTO consent_texts (hash, locale, text, created_at) VALUES (${t.hash}, ${t.locale}, ${t.text}, ${t.at}) ON CONFLICT (hash) DO NOTHING`;
}
