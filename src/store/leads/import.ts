// Leads as a list import sees them: the leads a file already has, and the upsert that fills only blank fields.
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../env";
import type { Lead } from "../../db/schema";
import { batch } from "../batch";
import { newReferralCode } from "../../domain/referral-code";
import type { ImportedLead } from "../../domain/lead-import/rows";

export type KnownLead = Pick<
  Lead,
  | "id"
  | "email"
  | "name"
  | "company"
  | "jobTitle"
  | "phone"
  | "companySize"
  | "country"
  | "marketingConsent"
>;

/** The leads with these (normalised) addresses, 500 addresses a statement, in one round trip. */
export async function leadsByEmails(db: Db, emails: string[]): Promise<KnownLead[]> {
  if (!emails.length) return [];
  const chunks: SQL[] = [];
  for (let i = 0; i < emails.length; i += 500)
    // Raw: the addresses travel as one json_each parameter (D1 binds at most 100 values).
    chunks.push(sql`SELECT id, email, name, company, job_title AS "jobTitle", phone, company_size AS "companySize", country,
      marketing_consent AS "marketingConsent" FROM leads WHERE email IN (SELECT value FROM json_each(${JSON.stringify(emails.slice(i, i + 500))}))`);
  const results = await batch<KnownLead>(db, chunks);
  return results.flatMap((r) => r.results);
}

export interface ImportConsent {
  /** Given for a lead the marketer stated a basis for (and not suppressed); null leaves consent unsaid. */
  given: boolean;
  version: string | null;
}

/**
 * Inserts the lead, or fills only the fields an existing lead has blank (coalesce: nothing is overwritten).
 * Marketing consent is set only where none was ever said: a lead who declined stays declined. `touched`
 * counts the import's touch when it records one.
 */
export function importLeadUpsert(
  l: ImportedLead,
  consent: ImportConsent,
  touched: boolean,
  now: number,
): SQL {
  const mc = consent.given ? "given" : null;
  const at = consent.given ? now : null;
  const version = consent.given ? consent.version : null;
  return sql`INSERT INTO leads (email, name, company, job_title, phone, company_size, country, locale, referral_code,
      marketing_consent, consent_at, consent_version, touch_count, created_at, updated_at)
    VALUES (${l.email}, ${l.name}, ${l.company}, ${l.jobTitle}, ${l.phone}, ${l.companySize}, ${l.country}, ${l.locale ?? "en"},
      ${newReferralCode()}, ${mc}, ${at}, ${version}, ${touched ? 1 : 0}, ${now}, ${now})
    ON CONFLICT (email) DO UPDATE SET
      name = coalesce(leads.name, excluded.name),
      company = coalesce(leads.company, excluded.company),
      job_title = coalesce(leads.job_title, excluded.job_title),
      phone = coalesce(leads.phone, excluded.phone),
      company_size = coalesce(leads.company_size, excluded.company_size),
      country = coalesce(leads.country, excluded.country),
      consent_at = CASE WHEN leads.marketing_consent IS NULL AND excluded.marketing_consent IS NOT NULL THEN excluded.consent_at ELSE leads.consent_at END,
      consent_version = CASE WHEN leads.marketing_consent IS NULL AND excluded.marketing_consent IS NOT NULL THEN excluded.consent_version ELSE leads.consent_version END,
      marketing_consent = coalesce(leads.marketing_consent, excluded.marketing_consent),
      touch_count = leads.touch_count + excluded.touch_count,
      updated_at = excluded.updated_at
    WHERE leads.erased_at IS NULL`;
}

/** The ids of these addresses after the import's writes (for enrolment and scoring). */
export async function leadIdsByEmails(db: Db, emails: string[]): Promise<Map<string, number>> {
  const rows = await leadsByEmails(db, emails);
  return new Map(rows.map((r) => [r.email, r.id]));
}
