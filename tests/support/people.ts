// Requests as a person makes them (a real browser's agent), and time passing for a send (its sending and its events).
import { env } from "cloudflare:workers";

export const CHROME =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
export const IPHONE_SAFARI =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";

/** Headers of a person's browser. */
export const asPerson = (ua = CHROME) => ({ headers: { "user-agent": ua } });

/**
 * As if everything about this send so far happened `seconds` earlier: it went out, and its opens and clicks came,
 * that long ago. The clock is real in these tests, so a person "coming back later" is the past moving back.
 */
export async function timePasses(sendId: number, seconds: number) {
  const ms = seconds * 1000;
  await env.DB.batch([
    env.DB.prepare(
      "UPDATE sends SET sent_at = coalesce(sent_at, created_at) - ?, opened_at = opened_at - ?, clicked_at = clicked_at - ? WHERE id = ?",
    ).bind(ms, ms, ms, sendId),
    env.DB.prepare(
      "UPDATE events SET at = at - ? WHERE lead_id = (SELECT lead_id FROM sends WHERE id = ?) AND data ->> 'send_id' = ?",
    ).bind(ms, sendId, sendId),
  ]);
}
