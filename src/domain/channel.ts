// Channel rules: how a touch's UTM, referrer and referral code become one marketing channel.
import type { Channel } from "./vocabulary";

interface ChannelInput {
  utmSource?: string | null;
  utmMedium?: string | null;
  referrerHost?: string | null;
  /** True when a valid referral code of another lead came with the touch. */
  referred: boolean;
}

const PAID_MEDIUMS =
  /^(cpc|ppc|cpm|cpv|cpa|paid|paid[-_ ]?(search|social)|display|banner|ads?|retargeting|sem)$/;
const EMAIL = /^(e-?mail|newsletter|edm)$/;
const SOCIAL_MEDIUMS = /^(social|social[-_ ]?(network|media)|sm)$/;
const ORGANIC_MEDIUMS = /^(organic|seo)$/;
const SEARCH_HOSTS =
  /(^|\.)(google\.[a-z.]+|bing\.com|baidu\.com|duckduckgo\.com|yandex\.[a-z.]+|sogou\.com|so\.com|search\.yahoo\.com|yahoo\.co\.jp|naver\.com|ecosia\.org|sm\.cn)$/;
const SOCIAL_HOSTS =
  /(^|\.)(linkedin\.com|lnkd\.in|facebook\.com|fb\.com|twitter\.com|x\.com|t\.co|instagram\.com|weibo\.com|weibo\.cn|zhihu\.com|weixin\.qq\.com|wechat\.com|reddit\.com|youtube\.com|bilibili\.com|douyin\.com|xiaohongshu\.com|maimai\.cn)$/;
const SOCIAL_SOURCES =
  /^(linkedin|facebook|fb|twitter|x|instagram|weibo|zhihu|wechat|weixin|reddit|youtube|bilibili|douyin|xiaohongshu|maimai)$/;
const MAIL_HOSTS =
  /(^|\.)(mail\.google\.com|outlook\.live\.com|mail\.qq\.com|mail\.163\.com|exmail\.qq\.com)$/;

/**
 * First rule that matches wins:
 * 1. a colleague's referral code → referral
 * 2. utm_medium paid (cpc, ppc, cpm, display, paid_social, …) → paid
 * 3. utm_medium or utm_source email/newsletter, or a webmail referrer → email
 * 4. utm_medium social, or utm_source/referrer a social network → social
 * 5. utm_medium organic, or a search engine referrer → organic_search
 * 6. any other UTM source, or any other referrer → referral
 * 7. nothing at all → direct
 */
export function deriveChannel(input: ChannelInput): Channel {
  const medium = input.utmMedium?.trim().toLowerCase() ?? "";
  const source = input.utmSource?.trim().toLowerCase() ?? "";
  const host = input.referrerHost?.toLowerCase() ?? "";
  if (input.referred) return "referral";
  if (PAID_MEDIUMS.test(medium)) return "paid";
  if (EMAIL.test(medium) || EMAIL.test(source) || MAIL_HOSTS.test(host)) return "email";
  if (SOCIAL_MEDIUMS.test(medium) || SOCIAL_SOURCES.test(source)) return "social";
  if (ORGANIC_MEDIUMS.test(medium)) return "organic_search";
  if (!medium && !source && host) {
    if (SEARCH_HOSTS.test(host)) return "organic_search";
    if (SOCIAL_HOSTS.test(host)) return "social";
    return "referral";
  }
  if (source || medium) return "referral";
  return "direct";
}

/** The referrer's host, or null for none, an unparsable URL, or our own host. */
export function referrerHost(referer: string | null | undefined, ownHost: string): string | null {
  if (!referer) return null;
  try {
    const host = new URL(referer).hostname.toLowerCase();
    return host && host !== ownHost.toLowerCase() ? host : null;
  } catch {
    return null;
  }
}
