// Leads as the gate captures them: the one-batch upsert and its lookups, and the reads nurture and share links need.
import { sql, type SQL, eq } from "drizzle-orm";
import type { Db } from "../../env";
import { type Lead, type MachineReason, leads, type MarketingConsentState } from "../../db/schema";
import { recordEventsFrom } from "../events";
import { capturedLeadFrom } from "../captured-lead";

/** The lead with this email (if known) and the owner of this referral code (if any), in one read over both unique indexes. */
export async function leadsByEmailOrReferralCode(
  db: Db,
  email: string,
  code: string,
): Promise<Pick<Lead, "id" | "email" | "referralCode">[]> {
  // Raw and verbatim: the capture's metered pre-read; one OR over the two unique indexes.
  const rows = await db.all<{ id: number; email: string; referral_code: string }>(
    sql`SELECT id, email, referral_code FROM leads WHERE email = ${email} OR referral_code = ${code}`,
  );
  return rows.map((r) => ({ id: r.id, email: r.email, referralCode: r.referral_code }));
}

type CapturedLeadValues = Pick<
  Lead,
  | "email"
  | "name"
  | "company"
  | "jobTitle"
  | "phone"
  | "companySize"
  | "country"
  | "locale"
  | "referralCode"
  | "referredByLeadId"
  | "consentVersion"
  | "consentIpHash"
> & { now: number; marketing: MarketingConsentState };

/**
 * Creates the lead, or fills what a returning lead newly told us and counts the touch. Marketing consent moves
 * only on what a capture says: a tick (`given`) or an opt-out (`declined`) always sets it; a soft opt-in
 * (`implied`) only where nothing was said before; an unticked optional box (`none`) leaves it. Withdrawing
 * is unsubscribing. consent_at, consent_version and consent_ip_hash follow the capture that set the state.
 */
export function upsertCapturedLead(v: CapturedLeadValues): SQL {
  const state = v.marketing === "none" ? null : v.marketing;
  const consentAt = state ? v.now : null;
  const version = state ? v.consentVersion : null;
  const ipHash = state ? v.consentIpHash : null;
  const sets = sql.raw(
    "(excluded.marketing_consent IN ('given', 'declined') OR (excluded.marketing_consent = 'implied' AND marketing_consent IS NULL))",
  );
  // Raw: an upsert whose update keeps known values (coalesce), counts touches and moves consent by the rule above.
  return sql`
      INSERT INTO leads (email, name, company, job_title, phone, company_size, country, locale, referral_code,
        referred_by_lead_id, marketing_consent, consent_at, consent_ip_hash, consent_version, touch_count, created_at, updated_at)
      VALUES (${v.email}, ${v.name}, ${v.company}, ${v.jobTitle}, ${v.phone}, ${v.companySize}, ${v.country},
        ${v.locale}, ${v.referralCode}, ${v.referredByLeadId}, ${state}, ${consentAt}, ${ipHash}, ${version}, 1, ${v.now}, ${v.now})
      ON CONFLICT (email) DO UPDATE SET
        name = coalesce(excluded.name, name),
        company = coalesce(excluded.company, company),
        job_title = coalesce(excluded.job_title, job_title),
        phone = coalesce(excluded.phone, phone),
        company_size = coalesce(excluded.company_size, company_size),
        country = coalesce(excluded.country, country),
        marketing_consent = CASE WHEN ${sets} THEN excluded.marketing_consent ELSE marketing_consent END,
        consent_at = CASE WHEN ${sets} THEN excluded.consent_at ELSE consent_at END,
        consent_ip_hash = CASE WHEN ${sets} THEN excluded.consent_ip_hash ELSE consent_ip_hash END,
        consent_version = CASE WHEN ${sets} THEN excluded.consent_version ELSE consent_version END,
        touch_count = touch_count + 1,
        updated_at = excluded.updated_at`;
}

/** The gate_submitted event of the captured lead, pointing at the touch the same batch just added. */
export function gateSubmittedEvent(
  email: string,
  e: { assetId: number; at: number; channel: string },
): SQL {
  return recordEventsFrom({
    type: "gate_submitted",
    at: e.at,
    leadId: sql`id`,
    assetId: sql`${e.assetId}`,
    data: sql`json_object('touch_id', (SELECT max(t.id) FROM touches t WHERE t.lead_id = leads.id), 'channel', ${e.channel}, 'new', touch_count = 1)`,
    from: capturedLeadFrom(email),
  });
}

/** What the capture batch reads back last: the lead as it now stands and its newest touch. */
export type CapturedLeadRow = {
  id: Lead["id"];
  referral_code: Lead["referralCode"];
  touch_count: Lead["touchCount"];
  marketing_consent: Lead["marketingConsent"];
  touch_id: number;
};

export function capturedLeadByEmail(email: string): SQL {
  // Raw: a batch statement with a correlated max() over the lead's touches.
  return sql`SELECT id, referral_code, touch_count, marketing_consent, (SELECT max(t.id) FROM touches t WHERE t.lead_id = leads.id) AS touch_id ${capturedLeadFrom(email)}`;
}

/** A download or session join of a lead who still exists. */
export function leadAssetEvent(
  leadId: number,
  e: {
    assetId: number;
    type: "downloaded" | "session_joined";
    at: number;
    machine?: MachineReason | null;
  },
): SQL {
  return recordEventsFrom({
    type: e.type,
    at: e.at,
    leadId: sql`id`,
    assetId: sql`${e.assetId}`,
    data: null,
    from: sql`FROM leads WHERE id = ${leadId}`,
    machine: e.machine,
  });
}

/** The lead who owns a share link's code. */
export async function leadIdByReferralCode(
  db: Db,
  code: string,
): Promise<Pick<Lead, "id"> | undefined> {
  return db.query.leads.findFirst({ columns: { id: true }, where: eq(leads.referralCode, code) });
}

export async function leadEmail(db: Db, leadId: number): Promise<string | null> {
  const [row] = await db.select({ email: leads.email }).from(leads).where(eq(leads.id, leadId));
  return row?.email ?? null;
}

export async function leadLocaleOf(db: Db, leadId: number): Promise<string | null> {
  const [row] = await db.select({ locale: leads.locale }).from(leads).where(eq(leads.id, leadId));
  return row?.locale ?? null;
}

/** Erasure: profile fields cleared, the email replaced by a placeholder (the unique index stays valid), off the sales list. */
export function eraseLeadProfile(leadId: number, now: number): SQL {
  return sql`UPDATE leads SET email = 'erased:' || id, referral_code = 'erased:' || id, name = NULL, company = NULL, job_title = NULL, phone = NULL, company_size = NULL, country = NULL,
        consent_ip = NULL, consent_ip_hash = NULL, erased_at = ${now}, scored_at = NULL, updated_at = ${now} WHERE id = ${leadId}`;
}

/** Every column of the lead, for their data export. */
export async function leadAsStored(
  db: Db,
  leadId: number,
): Promise<(Record<string, unknown> & { email: string; erased_at: number | null }) | undefined> {
  const [row] = await db.all<Record<string, unknown> & { email: string; erased_at: number | null }>(
    sql`SELECT * FROM leads WHERE id = ${leadId}`,
  );
  return row;
}
