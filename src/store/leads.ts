// Leads (one person each, by email): the gate's one-batch upsert and its lookups, the reads nurture and share links need, the dashboard's lead list and the score calibration's cohort.
import { sql, type SQL, eq } from "drizzle-orm";
import type { Db } from "../env";
import { type Lead, type Stage, leads } from "../db/schema";
import { recordEventsFrom } from "./events";

/** A lead-list row, under the column names the list, its CSV and its template use. */
export interface LeadListRow {
  id: Lead["id"];
  email: Lead["email"];
  name: Lead["name"];
  company: Lead["company"];
  job_title: Lead["jobTitle"];
  country: Lead["country"];
  score: Lead["score"];
  stage: Lead["stage"];
  touch_count: Lead["touchCount"];
  created_at: Lead["createdAt"];
  mql_at: Lead["mqlAt"];
}

export interface LeadListFilter {
  q?: string;
  stage?: Stage;
  min_score?: number;
  max_score?: number;
  asset_id?: number;
  /** Only leads with a smaller id (keyset pagination, newest first). */
  cursor?: number;
}

/** Raw: LIKE … ESCAPE and the touch EXISTS have no drizzle builder; the list reads leads by id, newest first. */
function where(f: LeadListFilter): SQL {
  const parts: SQL[] = [sql`erased_at IS NULL`];
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    parts.push(sql`(email LIKE ${like} ESCAPE '\\' OR name LIKE ${like} ESCAPE '\\' OR company LIKE ${like} ESCAPE '\\')`);
  }
  if (f.stage) parts.push(sql`stage = ${f.stage}`);
  if (f.min_score !== undefined) parts.push(sql`score >= ${f.min_score}`);
  if (f.max_score !== undefined) parts.push(sql`score <= ${f.max_score}`);
  if (f.asset_id !== undefined) parts.push(sql`EXISTS (SELECT 1 FROM touches t WHERE t.lead_id = leads.id AND t.asset_id = ${f.asset_id})`);
  if (f.cursor !== undefined) parts.push(sql`id < ${f.cursor}`);
  return sql.join(parts, sql` AND `);
}

/** Up to `take` leads matching the filter, newest first. */
export async function leadListRows(db: Db, f: LeadListFilter, take: number): Promise<LeadListRow[]> {
  return db.all<LeadListRow>(sql`
    SELECT id, email, name, company, job_title, country, score, stage, touch_count, created_at, mql_at
    FROM leads WHERE ${where(f)} ORDER BY id DESC LIMIT ${take}`);
}

/**
 * Leads created in [start, end) ms, not erased, counted per score band of `width` points: -1 for
 * negative scores, 100 for 100 and up, else the band's lowest score. Raw: a computed GROUP BY and a
 * correlated EXISTS on outcomes, so only the bands come back, not the cohort.
 */
export async function scoreBandCounts(db: Db, q: { start: number; end: number; width: number }): Promise<{ band: number; leads: number; mqls: number; won: number }[]> {
  const band = sql`CASE WHEN score < 0 THEN -1 WHEN score >= 100 THEN 100 ELSE (score / ${q.width}) * ${q.width} END`;
  return db.all<{ band: number; leads: number; mqls: number; won: number }>(sql`
    SELECT ${band} AS band, count(*) AS leads, count(mql_at) AS mqls,
      sum(EXISTS (SELECT 1 FROM outcomes o WHERE o.lead_id = leads.id AND o.stage = 'won')) AS won
    FROM leads WHERE created_at >= ${q.start} AND created_at < ${q.end} AND erased_at IS NULL GROUP BY 1 ORDER BY 1`);
}

/** The rest of a capture statement that works on the lead being captured (by email, unique). */
export const capturedLeadFrom = (email: string): SQL => sql`FROM leads WHERE email = ${email}`;

/** The lead with this email (if known) and the owner of this referral code (if any), in one read over both unique indexes. */
export async function leadsByEmailOrReferralCode(db: Db, email: string, code: string): Promise<Pick<Lead, "id" | "email" | "referralCode">[]> {
  // Raw and verbatim: the capture's metered pre-read; one OR over the two unique indexes.
  const rows = await db.all<{ id: number; email: string; referral_code: string }>(
    sql`SELECT id, email, referral_code FROM leads WHERE email = ${email} OR referral_code = ${code}`,
  );
  return rows.map((r) => ({ id: r.id, email: r.email, referralCode: r.referral_code }));
}

export type CapturedLeadValues = Pick<
  Lead,
  "email" | "name" | "company" | "jobTitle" | "phone" | "companySize" | "country" | "locale" | "referralCode" | "referredByLeadId" | "consentAt" | "consentIp" | "consentVersion"
> & { now: number };

/** Creates the lead, or fills what a returning lead newly told us and counts the touch. */
export function upsertCapturedLead(v: CapturedLeadValues): SQL {
  // Raw: an upsert whose update keeps known values (coalesce) and counts touches.
  return sql`
      INSERT INTO leads (email, name, company, job_title, phone, company_size, country, locale, referral_code,
        referred_by_lead_id, consent_at, consent_ip, consent_version, touch_count, created_at, updated_at)
      VALUES (${v.email}, ${v.name}, ${v.company}, ${v.jobTitle}, ${v.phone}, ${v.companySize}, ${v.country},
        ${v.locale}, ${v.referralCode}, ${v.referredByLeadId}, ${v.consentAt}, ${v.consentIp}, ${v.consentVersion}, 1, ${v.now}, ${v.now})
      ON CONFLICT (email) DO UPDATE SET
        name = coalesce(excluded.name, name),
        company = coalesce(excluded.company, company),
        job_title = coalesce(excluded.job_title, job_title),
        phone = coalesce(excluded.phone, phone),
        company_size = coalesce(excluded.company_size, company_size),
        country = coalesce(excluded.country, country),
        consent_at = coalesce(excluded.consent_at, consent_at),
        consent_ip = CASE WHEN excluded.consent_at IS NULL THEN consent_ip ELSE excluded.consent_ip END,
        consent_version = coalesce(excluded.consent_version, consent_version),
        touch_count = touch_count + 1,
        updated_at = excluded.updated_at`;
}

/** The gate_submitted event of the captured lead, pointing at the touch the same batch just added. */
export function gateSubmittedEvent(email: string, e: { assetId: number; at: number; channel: string }): SQL {
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
  touch_id: number;
};

export function capturedLeadByEmail(email: string): SQL {
  // Raw: a batch statement with a correlated max() over the lead's touches.
  return sql`SELECT id, referral_code, touch_count, (SELECT max(t.id) FROM touches t WHERE t.lead_id = leads.id) AS touch_id ${capturedLeadFrom(email)}`;
}

/** A download or session join of a lead who still exists. */
export function leadAssetEvent(leadId: number, e: { assetId: number; type: "downloaded" | "session_joined"; at: number }): SQL {
  return recordEventsFrom({ type: e.type, at: e.at, leadId: sql`id`, assetId: sql`${e.assetId}`, data: null, from: sql`FROM leads WHERE id = ${leadId}` });
}

/** The lead who owns a share link's code. */
export async function leadIdByReferralCode(db: Db, code: string): Promise<Pick<Lead, "id"> | undefined> {
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
