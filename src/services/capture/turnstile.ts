// Cloudflare Turnstile verification, used when TURNSTILE_SECRET is set.
import { z } from "zod";

const TURNSTILE_VERIFY_URL = "https://challenges.cloudflare.com/turnstile/v0/siteverify";
const answer = z.object({ success: z.boolean() });

export async function verifyTurnstile(
  secret: string,
  token: string | null,
  ip: string | null,
): Promise<boolean> {
  if (!token) return false;
  const body = new FormData();
  body.set("secret", secret);
  body.set("response", token);
  // remoteip is optional: sent only when the client's address is known (behind Cloudflare).
  if (ip) body.set("remoteip", ip);
  const res = await fetch(TURNSTILE_VERIFY_URL, { method: "POST", body });
  if (!res.ok) return false;
  const parsed = answer.safeParse(await res.json().catch(() => null));
  return parsed.success && parsed.data.success;
}
