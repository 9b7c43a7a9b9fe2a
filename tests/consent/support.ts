// Consent tests: assets in each consent mode with a drip, gate posts from a chosen country, what a lead was sent.
import { env } from "cloudflare:workers";
import { fetchWorker, postForm, postJson } from "../support/http";
import { STANDARD_FORM } from "../support/fixtures";
import { assetWithSequence } from "../nurture/support/nurture";
import type { FormSettings, MarketingConsentMode, NewAsset } from "../../src/db/schema";

export const TWO_STEPS = {
  name: "Welcome drip",
  steps: [
    { template: "whitepaper-welcome" as const, delayMinutes: 0 },
    { template: "whitepaper-follow-up" as const, delayMinutes: 2 * 24 * 60 },
  ],
};

export function formWith(
  mode: MarketingConsentMode,
  over: Partial<FormSettings["consent"]> = {},
  privacyRequired = false,
): FormSettings {
  return {
    ...STANDARD_FORM,
    consent: {
      mode,
      text: "",
      version: "2026-05",
      basis: mode === "required" ? "US audience only: CAN-SPAM permits it" : null,
      ...over,
    },
    privacy: { required: privacyRequired },
  };
}

/** An asset in this consent mode that starts a two-step drip. */
export function dripAsset(mode: MarketingConsentMode, over: Partial<NewAsset> = {}) {
  return assetWithSequence(TWO_STEPS, { form: formWith(mode), ...over });
}

type From = { country?: string | null; ip?: string };
const cfOf = (o: From) => (o.country ? { cf: { country: o.country } } : {});

/** A browser form post to the gate from a visitor in `country` (none: Cloudflare could not tell). */
export function submitForm(slug: string, fields: Record<string, string>, o: From = {}) {
  return postForm(`/p/${slug}`, fields, { ip: o.ip, ...cfOf(o) } as RequestInit & { ip?: string });
}

export function submitJson(slug: string, body: Record<string, unknown>, o: From = {}) {
  return postJson(`/p/${slug}`, body, { ip: o.ip, ...cfOf(o) } as RequestInit & { ip?: string });
}

export function landing(slug: string, o: From = {}) {
  return fetchWorker(`/p/${slug}`, cfOf(o) as RequestInit);
}

export async function leadIdOf(email: string): Promise<number> {
  const row = await env.DB.prepare("SELECT id FROM leads WHERE email = ?").bind(email).first<{
    id: number;
  }>();
  if (!row) throw new Error(`no lead ${email}`);
  return row.id;
}

export async function enrolmentsOf(leadId: number) {
  return (
    await env.DB.prepare("SELECT sequence_id, status FROM enrolments WHERE lead_id = ?")
      .bind(leadId)
      .all()
  ).results;
}

/** The download link on a thank-you page. */
export function downloadPath(html: string): string {
  const m = /href="https?:\/\/[^"]*(\/d\/[^"]+)"/.exec(html);
  if (!m) throw new Error("no download link on the page");
  return m[1]!.replace(/&amp;/g, "&");
}

/** The attributes of each checkbox input on a page, by name. */
export function checkboxes(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<input[^>]*type="checkbox"[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(m[0])?.[1];
    if (name) out[name] = m[0];
  }
  return out;
}

/** The thank-you page a form post leads to (answered directly, or through a redirect to it). */
export async function thankYouPage(res: Response): Promise<string> {
  if (res.status === 303 || res.status === 302)
    return (
      await fetchWorker(
        new URL(res.headers.get("location")!, "https://x.test").pathname +
          new URL(res.headers.get("location")!, "https://x.test").search,
      )
    ).text();
  if (res.status !== 200) throw new Error(`gate answered ${res.status}: ${await res.text()}`);
  return res.text();
}
