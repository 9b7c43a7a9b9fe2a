// Capturing a lead: one D1 batch that upserts the lead, adds the touch and event, and bumps the rollup.
import { cleanUtm, UTM_KEYS } from "../../domain/utm";
import type { Db } from "../../env";
import { batch } from "../../store/batch";
import {
  capturedLeadByEmail,
  gateSubmittedEvent,
  leadsByEmailOrReferralCode,
  upsertCapturedLead,
  type CapturedLeadRow,
} from "../../store/leads";
import { insertCaptureTouch } from "../../store/touches";
import { countCaptureSubmission } from "../../store/rollups";
import type { Asset, Channel } from "../../db/schema";
import type { GateSubmission } from "../../domain/gate-form";
import { deriveChannel, referrerHost } from "../../domain/channel";
import { newReferralCode } from "../../domain/referral-code";
import { utcDay } from "../../domain/calendar-day";
import { consentIpHash } from "../../domain/ip-hash";
import { keepConsentText } from "../../store/consent-texts";
import type { ShownConsent } from "../consent/consent-shown";
import { clickIdColumns, type ClickIds } from "../../domain/click-ids";

interface CaptureContext {
  now: number;
  /** The client's address when known (behind Cloudflare), kept with a consent. */
  ip: string | null;
  country: string | null;
  ownHost: string;
  /** The consent words and mode the visitor was shown. */
  consent: ShownConsent;
  /** Keys the IP hash (never the raw IP is stored). */
  signingSecret: string;
  /** The ad platforms' click ids of this visit, already validated (src/domain/click-ids.ts). */
  clickIds: ClickIds;
}

export interface CapturedLead {
  leadId: number;
  referralCode: string;
  isNew: boolean;
  touchId: number;
  channel: Channel;
  referrerLeadId: number | null;
  /** Where the lead stands on marketing email after this capture (null: never said). */
  marketingConsent: CapturedLeadRow["marketing_consent"];
}

/** UTM values from the hidden form fields, falling back to the landing URL's query. */
function utmOf(sub: GateSubmission): GateSubmission["utm"] {
  if (Object.values(sub.utm).some(Boolean) || !sub.landingUrl) return cleanUtm(sub.utm);
  try {
    const q = new URL(sub.landingUrl).searchParams;
    return cleanUtm(Object.fromEntries(UTM_KEYS.map((k) => [k, q.get(k)])));
  } catch {
    return cleanUtm(sub.utm);
  }
}

export async function captureLead(
  db: Db,
  asset: Asset,
  sub: GateSubmission,
  ctx: CaptureContext,
): Promise<CapturedLead> {
  // One indexed read: the lead itself (if known) and the owner of the referral code (if any).
  const known = await leadsByEmailOrReferralCode(db, sub.email, sub.ref ?? "");
  const self = known.find((r) => r.email === sub.email);
  const referrer = sub.ref
    ? known.find((r) => r.referralCode === sub.ref && r.email !== sub.email)
    : undefined;
  const referrerLeadId = referrer?.id ?? null;

  const utm = utmOf(sub);
  const host = referrerHost(sub.referrer, ctx.ownHost);
  const channel = deriveChannel({
    utmSource: utm.utm_source,
    utmMedium: utm.utm_medium,
    referrerHost: host,
    referred: referrerLeadId !== null,
  });
  const campaign = utm.utm_campaign ?? "";
  const day = utcDay(ctx.now);
  // No address to keep when the client is not known (not behind Cloudflare): the record says so with null.
  const ipHash = ctx.ip === null ? null : await consentIpHash(ctx.signingSecret, ctx.ip);
  const code = self?.referralCode ?? newReferralCode();

  const results = await batch(db, [
    upsertCapturedLead({
      email: sub.email,
      name: sub.name,
      company: sub.company,
      jobTitle: sub.jobTitle,
      phone: sub.phone,
      companySize: sub.companySize,
      country: ctx.country,
      locale: asset.locale,
      referralCode: code,
      referredByLeadId: referrerLeadId,
      marketing: sub.marketing,
      consentVersion: ctx.consent.version,
      consentIpHash: ipHash,
      now: ctx.now,
    }),
    insertCaptureTouch(sub.email, {
      assetId: asset.id,
      at: ctx.now,
      utmSource: utm.utm_source,
      utmMedium: utm.utm_medium,
      utmCampaign: utm.utm_campaign,
      utmTerm: utm.utm_term,
      utmContent: utm.utm_content,
      referrerHost: host,
      refCode: sub.ref,
      referrerLeadId,
      country: ctx.country,
      landingUrl: sub.landingUrl?.slice(0, 2048) ?? null,
      channel,
      consentMarketing: sub.marketing,
      consentMode: sub.consentMode,
      consentVersion: ctx.consent.version,
      consentPrivacy: sub.privacyAccepted,
      consentTextHash: ctx.consent.hash,
      consentIpHash: ipHash,
      ...clickIdColumns(ctx.clickIds),
    }),
    gateSubmittedEvent(sub.email, { assetId: asset.id, at: ctx.now, channel }),
    countCaptureSubmission(sub.email, { assetId: asset.id, day, channel, campaign }),
    capturedLeadByEmail(sub.email),
    // The words shown, once per distinct text: a repeat of known words writes no row.
    keepConsentText({
      hash: ctx.consent.hash,
      locale: asset.locale,
      text: ctx.consent.text,
      at: ctx.now,
    }),
  ]);
  const lead = (results[4]!.results as CapturedLeadRow[])[0]!;
  return {
    leadId: lead.id,
    referralCode: lead.referral_code,
    isNew: lead.touch_count === 1,
    touchId: lead.touch_id,
    channel,
    referrerLeadId,
    marketingConsent: lead.marketing_consent,
  };
}
