// The links a lead is handed: the thank-you page, a signed, expiring download link and a personal share link.
import { signLink, verifyLink } from "./signed-link";

const DOWNLOAD_TTL_SECONDS = 7 * 24 * 3600;

export interface DownloadClaims {
  l: number; // lead id
  a: number; // asset id
}

export async function downloadUrl(
  origin: string,
  secret: string,
  claims: DownloadClaims,
  nowMs: number,
  ttlSeconds = DOWNLOAD_TTL_SECONDS,
): Promise<string> {
  const token = await signLink(secret, "download", claims, Math.floor(nowMs / 1000) + ttlSeconds);
  return `${origin}/d/${token}`;
}

export function shareUrl(origin: string, referralCode: string, slug: string): string {
  return `${origin}/r/${referralCode}?to=${encodeURIComponent(slug)}`;
}

/** What a thank-you URL carries, signed: whose page it is, for which asset, and when the gate was passed. */
export interface ThanksClaims {
  a: number; // asset id
  l: number | null; // lead id; null for a submission that stored nothing (the honeypot)
  r: string | null; // the lead's referral code, for the share link
  at: number; // epoch seconds of the submission: the page and its download link expire 7 days later
}

/**
 * The thank-you page a browser is sent to after the gate (Post/Redirect/Get). The path is the same for every lead of
 * the asset, so an ad platform's conversion pixel or a tag manager can match it; only the signed `t` differs.
 */
export async function thanksPath(secret: string, slug: string, claims: ThanksClaims) {
  const token = await signLink(secret, "thanks", claims, claims.at + DOWNLOAD_TTL_SECONDS);
  return `/p/${encodeURIComponent(slug)}/thanks?t=${token}`;
}

export function verifyThanks(secret: string, token: string, nowMs: number) {
  return verifyLink<ThanksClaims>(secret, "thanks", token, nowMs);
}
