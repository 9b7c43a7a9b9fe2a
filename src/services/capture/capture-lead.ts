// Capturing a lead: one D1 batch that upserts the lead, adds the touch and event, and bumps the rollup.
import { sql } from "drizzle-orm";
import type { Db } from "../../env";
import { batch } from "../../store/batch";
import type { Asset, Channel } from "../../db/schema";
import type { GateSubmission } from "../../domain/gate-form";
import { deriveChannel, referrerHost } from "../../domain/channel";
import { newReferralCode } from "../../domain/referral-code";
import { utcDay } from "../../domain/calendar-day";

export interface CaptureContext {
  now: number;
  ip: string;
  country: string | null;
  ownHost: string;
}

export interface CapturedLead {
  leadId: number;
  referralCode: string;
  isNew: boolean;
  touchId: number;
  channel: Channel;
  referrerLeadId: number | null;
}

/** UTM values from the hidden form fields, falling back to the landing URL's query. */
function utmOf(sub: GateSubmission): GateSubmission["utm"] {
  if (Object.values(sub.utm).some(Boolean) || !sub.landingUrl) return sub.utm;
  try {
    const q = new URL(sub.landingUrl).searchParams;
    const pick = (k: string) => q.get(k)?.slice(0, 200) || null;
    return { utm_source: pick("utm_source"), utm_medium: pick("utm_medium"), utm_campaign: pick("utm_campaign"), utm_term: pick("utm_term"), utm_content: pick("utm_content") };
  } catch {
    return sub.utm;
  }
}

export async function captureLead(db: Db, asset: Asset, sub: GateSubmission, ctx: CaptureContext): Promise<CapturedLead> {
  // One indexed read: the lead itself (if known) and the owner of the referral code (if any).
  const known = await db.all<{ id: number; email: string; referral_code: string }>(
    sql`SELECT id, email, referral_code FROM leads WHERE email = ${sub.email} OR referral_code = ${sub.ref ?? ""}`,
  );
  const self = known.find((r) => r.email === sub.email);
  const referrer = sub.ref ? known.find((r) => r.referral_code === sub.ref && r.email !== sub.email) : undefined;
  const referrerLeadId = referrer?.id ?? null;

  const utm = utmOf(sub);
  const host = referrerHost(sub.referrer, ctx.ownHost);
  const channel = deriveChannel({ utmSource: utm.utm_source, utmMedium: utm.utm_medium, referrerHost: host, referred: referrerLeadId !== null });
  const campaign = utm.utm_campaign ?? "";
  const day = utcDay(ctx.now);
  const consentAt = sub.consent ? ctx.now : null;
  const consentIp = sub.consent ? ctx.ip : null;
  const consentVersion = sub.consent ? asset.form.consent?.version ?? null : null;
  const code = self?.referral_code ?? newReferralCode();
  const byEmail = sql`FROM leads WHERE email = ${sub.email}`;

  const results = await batch(db, [
    sql`
      INSERT INTO leads (email, name, company, job_title, phone, company_size, country, locale, referral_code,
        referred_by_lead_id, consent_at, consent_ip, consent_version, touch_count, created_at, updated_at)
      VALUES (${sub.email}, ${sub.name}, ${sub.company}, ${sub.jobTitle}, ${sub.phone}, ${sub.companySize}, ${ctx.country},
        ${asset.locale}, ${code}, ${referrerLeadId}, ${consentAt}, ${consentIp}, ${consentVersion}, 1, ${ctx.now}, ${ctx.now})
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
        updated_at = excluded.updated_at`,
    sql`
      INSERT INTO touches (lead_id, asset_id, at, utm_source, utm_medium, utm_campaign, utm_term, utm_content,
        referrer_host, ref_code, referrer_lead_id, country, landing_url, channel)
      SELECT id, ${asset.id}, ${ctx.now}, ${utm.utm_source}, ${utm.utm_medium}, ${utm.utm_campaign}, ${utm.utm_term}, ${utm.utm_content},
        ${host}, ${sub.ref}, ${referrerLeadId}, ${ctx.country}, ${sub.landingUrl?.slice(0, 2048) ?? null}, ${channel} ${byEmail}`,
    sql`
      INSERT INTO events (lead_id, asset_id, type, at, data)
      SELECT id, ${asset.id}, 'gate_submitted', ${ctx.now},
        json_object('touch_id', (SELECT max(t.id) FROM touches t WHERE t.lead_id = leads.id), 'channel', ${channel}, 'new', touch_count = 1) ${byEmail}`,
    sql`
      INSERT INTO asset_daily (asset_id, day, channel, campaign, submissions, new_leads, referral_leads)
      SELECT ${asset.id}, ${day}, ${channel}, ${campaign}, 1, touch_count = 1, touch_count = 1 AND referred_by_lead_id IS NOT NULL ${byEmail}
      ON CONFLICT (asset_id, day, channel, campaign) DO UPDATE SET
        submissions = submissions + 1,
        new_leads = new_leads + excluded.new_leads,
        referral_leads = referral_leads + excluded.referral_leads`,
    sql`SELECT id, referral_code, touch_count, (SELECT max(t.id) FROM touches t WHERE t.lead_id = leads.id) AS touch_id ${byEmail}`,
  ]);
  const lead = (results[4]!.results as { id: number; referral_code: string; touch_count: number; touch_id: number }[])[0]!;
  return { leadId: lead.id, referralCode: lead.referral_code, isNew: lead.touch_count === 1, touchId: lead.touch_id, channel, referrerLeadId };
}
