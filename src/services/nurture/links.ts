// The signed links inside a nurture email: unsubscribe, tracked click, open pixel, opt-in confirmation.
import { signLink } from "../../domain/signed-link";

const OPTIN_TTL_SECONDS = 30 * 24 * 3600;

export interface UnsubscribeClaims {
  l: number; // lead
  s: number; // send it came from (0 when none)
}
export interface ClickClaims {
  s: number; // send
  u?: string; // the exact link that was in the template (none for the hidden link)
  n?: number; // tracked links in the message (a scanner clicks them all)
  h?: 1; // the hidden link only machines follow
}
export interface OpenClaims {
  s: number;
}
export interface OptinClaims {
  e: number; // enrolment
}

/** Unsubscribe links never expire: an old email must still let a person leave. */
export async function unsubscribeUrl(
  origin: string,
  secret: string,
  claims: UnsubscribeClaims,
): Promise<string> {
  return `${origin}/u/${await signLink(secret, "unsubscribe", claims, null)}`;
}

export async function clickUrl(
  origin: string,
  secret: string,
  claims: ClickClaims,
): Promise<string> {
  return `${origin}/t/c/${await signLink(secret, "click", claims, null)}`;
}

export async function openPixelUrl(
  origin: string,
  secret: string,
  claims: OpenClaims,
): Promise<string> {
  return `${origin}/t/o/${await signLink(secret, "open", claims, null)}`;
}

export async function optinUrl(
  origin: string,
  secret: string,
  claims: OptinClaims,
  nowMs: number,
): Promise<string> {
  return `${origin}/optin/${await signLink(secret, "optin", claims, Math.floor(nowMs / 1000) + OPTIN_TTL_SECONDS)}`;
}
