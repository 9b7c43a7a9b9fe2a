// Two demo leads on the zh-CN whitepaper, through the real gate rules, capture and scoring: a 市场总监
// scored by the Chinese title rules, and a colleague she referred who writes from a free-mail address.
import type { Db } from "../../env";
import type { Asset } from "../../db/schema";
import { parseGate } from "../../domain/gate-form";
import { captureLead } from "../capture/capture-lead";
import { enrolLead } from "../nurture/enrol";
import { mayNurture } from "../../domain/consent-law";
import { assetBySlug } from "../../store/assets";
import { consentShown } from "../consent/consent-shown";
import { loadSettings } from "../settings/settings";
import { scoreAndQualify } from "../qualification/score-and-qualify";
import { leadAssetEvent, leadsByEmailOrReferralCode } from "../../store/leads";
import { batch } from "../../store/batch";
import { countDownload } from "../../store/rollups";
import { utcDay } from "../../domain/calendar-day";
import type { ScoringEvent } from "../scoring/rules";
import { readClickIds } from "../../domain/click-ids";

const REFERRER = {
  email: "wang.fang@yunfan-tech.example",
  name: "王芳",
  company: "云帆科技",
  job_title: "市场总监",
  phone: "138 0013 8000",
  company_size: "201-500",
  consent: "on",
  privacy: "on",
  utm_source: "baidu",
  utm_medium: "cpc",
  utm_campaign: "2026-saas-growth",
  utm_term: "线索评分",
  utm_content: "banner-a",
  // 百度营销's click id on the landing URL, which the page carries in a hidden field like the UTMs.
  bd_vid: "uANBIyIxUhNLgvw-nHmYnjT4nWckPjT",
};
const REFERRED = {
  email: "lina.sales@163.com",
  name: "李娜",
  company: "云帆科技",
  job_title: "销售经理",
  phone: "+86 186 1234 5678",
  consent: "on",
  privacy: "on",
};

/** `signingSecret` keys the consent's IP hash, as at the gate. */
type Deps = {
  db: Db;
  webhooks: Queue;
  jobs: Queue;
  threshold: number;
  signingSecret: string;
  suppressionSecret: string;
};

async function capture(
  deps: Deps,
  asset: Asset,
  fields: Record<string, string>,
  now: number,
  downloaded: boolean,
) {
  const consent = await consentShown(asset, await loadSettings(deps.db, now), "CN");
  const sub = parseGate(fields, asset.form, asset.locale, consent.mode);
  if (!sub.ok) throw new Error(`demo lead refused by the gate: ${JSON.stringify(sub.fields)}`);
  const lead = await captureLead(deps.db, asset, sub.value, {
    now,
    ip: "192.0.2.1",
    country: "CN",
    ownHost: "localhost",
    consent,
    signingSecret: deps.signingSecret,
    clickIds: readClickIds({ fields, landingUrl: null, cookieHeader: null }),
  });
  const events: ScoringEvent[] = [
    {
      type: "gate_submitted",
      at: now,
      data: { new: true, asset_id: asset.id, asset_title: asset.title },
    },
  ];
  if (downloaded) {
    const at = now + 60_000;
    await batch(deps.db, [
      leadAssetEvent(lead.leadId, { assetId: asset.id, type: "downloaded", at }),
      countDownload({ assetId: asset.id, day: utcDay(at), leadId: lead.leadId }),
    ]);
    events.push({
      type: "downloaded",
      at,
      data: { asset_id: asset.id, asset_title: asset.title },
    });
  }
  // Scored here rather than on the queue: the seed runs outside the Worker, with no consumer.
  const scored = await scoreAndQualify(deps, lead.leadId, events, now + 120_000);
  if (!scored.ok) throw new Error(`demo lead not scored: ${scored.message}`);
  // They ticked marketing consent: enrolled as the gate would, so `npm start`'s cron sends their drip.
  if (mayNurture(lead.marketingConsent))
    await enrolLead(deps.db, asset, lead.leadId, now, deps.suppressionSecret);
  return lead;
}

/** Captures the demo leads once (a second run finds them and adds nothing). Returns how many it added. */
export async function ensureDemoLeads(deps: Deps, slug: string, now: number) {
  const known = await leadsByEmailOrReferralCode(deps.db, REFERRER.email, "");
  if (known.some((l) => l.email === REFERRER.email)) return 0;
  // Read now: the demo sequence was attached after the asset was first written.
  const whitepaper = await assetBySlug(deps.db, slug);
  if (!whitepaper) throw new Error(`no demo asset ${slug}`);
  const referrer = await capture(deps, whitepaper, REFERRER, now - 3 * 86_400_000, true);
  await capture(
    deps,
    whitepaper,
    { ...REFERRED, ref: referrer.referralCode },
    now - 86_400_000,
    false,
  );
  return 2;
}
