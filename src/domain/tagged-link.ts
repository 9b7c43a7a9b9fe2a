// The link builder's rules: channel presets, UTM values cleaned as capture reads them, and the tagged landing URL.

/** Common channels as source/medium pairs; each derives the channel its name says (src/domain/channel.ts). */
export const LINK_PRESETS = {
  google_cpc: { source: "google", medium: "cpc" },
  bing_cpc: { source: "bing", medium: "cpc" },
  baidu_cpc: { source: "baidu", medium: "cpc" },
  oceanengine_cpc: { source: "oceanengine", medium: "cpc" },
  tencent_cpc: { source: "tencent", medium: "cpc" },
  facebook_paid_social: { source: "facebook", medium: "paid_social" },
  linkedin_paid_social: { source: "linkedin", medium: "paid_social" },
  wechat_social: { source: "wechat", medium: "social" },
  linkedin_social: { source: "linkedin", medium: "social" },
  newsletter_email: { source: "newsletter", medium: "email" },
  partner_referral: { source: "partner", medium: "referral" },
} as const;
export type LinkPreset = keyof typeof LINK_PRESETS;
export const LINK_PRESET_NAMES = Object.keys(LINK_PRESETS) as LinkPreset[];

export interface LinkUtm {
  utmSource: string;
  utmMedium: string;
  utmCampaign: string;
  utmContent: string | null;
  utmTerm: string | null;
}

/** Runs of whitespace become one space, ends are trimmed (NFC first, so look-alike spellings meet). */
const tidy = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim();

/** Source and medium lower-cased and trimmed, campaign/content/term trimmed; an empty optional is null. */
export function cleanLinkUtm(input: {
  source: string;
  medium: string;
  campaign: string;
  content?: string | null;
  term?: string | null;
}): LinkUtm {
  const optional = (v: string | null | undefined) => (v ? tidy(v) || null : null);
  return {
    utmSource: tidy(input.source).toLowerCase(),
    utmMedium: tidy(input.medium).toLowerCase(),
    utmCampaign: tidy(input.campaign),
    utmContent: optional(input.content),
    utmTerm: optional(input.term),
  };
}

/** The asset's landing URL with the UTMs in the fixed order source, medium, campaign, content, term. */
export function taggedLandingUrl(origin: string, slug: string, utm: LinkUtm): string {
  const url = new URL(`/p/${encodeURIComponent(slug)}`, origin);
  url.searchParams.set("utm_source", utm.utmSource);
  url.searchParams.set("utm_medium", utm.utmMedium);
  url.searchParams.set("utm_campaign", utm.utmCampaign);
  if (utm.utmContent) url.searchParams.set("utm_content", utm.utmContent);
  if (utm.utmTerm) url.searchParams.set("utm_term", utm.utmTerm);
  return url.toString();
}
