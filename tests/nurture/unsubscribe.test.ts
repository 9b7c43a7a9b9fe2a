// Through the real queue: ticks queue, the real consumer sends; the "already queued" case delays the real queue's delivery.
import { describe, it, expect, afterEach, vi } from "vitest";
import { env } from "cloudflare:workers";
import { fakeResend, type ResendFake } from "./support/resend-fake";
import {
  assetWithSequence,
  captureLead,
  deliveredLate,
  ofLead,
  drainThenRestore,
  settledSends,
  tick,
  DAY,
  MINUTE,
  QUEUE_TIMEOUTS,
} from "./support/nurture";
import { fetchWorker, postJson } from "../support/http";
import { unsubscribeUrl } from "../../src/services/nurture/links";

vi.setConfig(QUEUE_TIMEOUTS);

let resend: ResendFake;
afterEach(() => drainThenRestore(resend));

const twoSteps = {
  name: "Two steps",
  steps: [
    { template: "whitepaper-welcome", delayMinutes: 0 },
    { template: "whitepaper-follow-up", delayMinutes: 24 * 60 },
  ],
};

/** A lead who got the first email; returns the unsubscribe path from its List-Unsubscribe header. */
async function leadWithFirstEmail(email: string) {
  resend = fakeResend();
  const asset = await assetWithSequence(twoSteps);
  const { lead_id } = await captureLead(asset.slug, email);
  await tick(Date.now() + MINUTE);
  await settledSends(ofLead(lead_id));
  const mail = resend.delivered.find((d) => d.to === email)!;
  const path = new URL(mail.headers["List-Unsubscribe"]!.slice(1, -1)).pathname;
  return { asset, lead_id, path, mail };
}

describe("unsubscribing", () => {
  it("GET shows a confirm page and unsubscribes nobody", async () => {
    const { path, lead_id } = await leadWithFirstEmail("look@example.com");
    const res = await fetchWorker(path);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('method="post"');
    expect(html).toContain("Unsubscribe");
    const stopped = await env.DB.prepare("SELECT status FROM enrolments WHERE lead_id = ?")
      .bind(lead_id)
      .first<{ status: string }>();
    expect(stopped!.status).toBe("active");
  });

  it("one-click POST answers 200 without a CSRF token or login, and no further email of any sequence is sent", async () => {
    const { path, lead_id } = await leadWithFirstEmail("oneclick@example.com");
    const other = await assetWithSequence(twoSteps);
    await captureLead(other.slug, "oneclick@example.com");
    const res = await fetchWorker(path, {
      method: "POST",
      body: "List-Unsubscribe=One-Click",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: "https://mail.example.net",
      },
    });
    expect(res.status).toBe(200);
    const enrolments = await env.DB.prepare(
      "SELECT status, stopped_reason, next_due_at FROM enrolments WHERE lead_id = ?",
    )
      .bind(lead_id)
      .all();
    expect(enrolments.results).toEqual([
      { status: "stopped", stopped_reason: "unsubscribed", next_due_at: null },
      { status: "stopped", stopped_reason: "unsubscribed", next_due_at: null },
    ]);
    await tick(Date.now() + 3 * DAY);
    // The tick writes a ledger row for every email it queues: none more for this lead.
    expect((await settledSends(ofLead(lead_id))).map((r) => r.status)).toEqual(["sent"]);
    expect(resend.delivered.filter((d) => d.to === "oneclick@example.com")).toHaveLength(1);
  });

  it("an email already queued when the lead unsubscribes is skipped with the reason, not sent", async () => {
    resend = fakeResend();
    const asset = await assetWithSequence(twoSteps);
    const { lead_id } = await captureLead(asset.slug, "queued-then-out@example.com");
    // The queue holds the message a few seconds (delaySeconds), so the unsubscribe surely lands while it is queued.
    await tick(Date.now() + MINUTE, deliveredLate(2));
    const url = await unsubscribeUrl("https://lodestone.test", env.SIGNING_SECRET, {
      l: lead_id,
      s: 0,
    });
    expect((await fetchWorker(new URL(url).pathname, { method: "POST" })).status).toBe(200);
    const [row] = await settledSends(ofLead(lead_id));
    expect(resend.delivered.filter((d) => d.to === "queued-then-out@example.com")).toHaveLength(0);
    expect(row).toMatchObject({ status: "skipped", last_error: "suppressed: unsubscribed" });
  });

  it("a later gate submission still delivers the asset but enrols nothing", async () => {
    const { path, lead_id } = await leadWithFirstEmail("comeback@example.com");
    await fetchWorker(path, { method: "POST" });
    const fresh = await assetWithSequence(twoSteps);
    const res = await postJson(`/p/${fresh.slug}`, {
      email: "comeback@example.com",
      name: "Ann",
      consent: true,
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { download_url: string }).download_url).toMatch(/\/d\//);
    const enrolled = await env.DB.prepare(
      "SELECT count(*) AS n FROM enrolments WHERE lead_id = ? AND asset_id = ?",
    )
      .bind(lead_id, fresh.id)
      .first<{ n: number }>();
    expect(enrolled!.n).toBe(0);
  });

  it("a tampered token is refused and changes nothing", async () => {
    const { path, lead_id } = await leadWithFirstEmail("tamper@example.com");
    const res = await fetchWorker(`${path.slice(0, -2)}xx`, { method: "POST" });
    expect(res.status).toBe(403);
    const { emailHashes } = await import("../../src/domain/email-address");
    const hashes = await emailHashes("tamper@example.com", env.SIGNING_SECRET);
    const suppressed = await env.DB.prepare("SELECT 1 FROM suppressions WHERE email_hash IN (?, ?)")
      .bind(hashes.keyed, hashes.legacy)
      .first();
    expect(suppressed).toBeNull();
    const status = await env.DB.prepare("SELECT status FROM enrolments WHERE lead_id = ?")
      .bind(lead_id)
      .first<{ status: string }>();
    expect(status!.status).toBe("active");
  });
});
