// The links a lead is handed: a signed, expiring download link and a personal share link.
import { signLink } from "./signed-link";

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
