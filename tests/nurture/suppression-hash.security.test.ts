// Suppressions outlive the person (an erased address stays suppressed), so they must not be readable back:
// a keyed hash, not the bare SHA-256 anyone can compute for a list of addresses. Rows from before keep working.
import { describe, it, expect, afterEach, vi } from "vitest";
import { env } from "cloudflare:workers";
import { sha256Hex } from "../../src/domain/encoding";
import { emailHashes } from "../../src/domain/email-address";
import { api } from "../support/api";
import { fakeResend, type ResendFake } from "./support/resend-fake";
import {
  assetWithSequence,
  captureLead,
  drainThenRestore,
  ofLead,
  sendRows,
  settledSends,
  tick,
  MINUTE,
  QUEUE_TIMEOUTS,
} from "./support/nurture";

vi.setConfig(QUEUE_TIMEOUTS);

let resend: ResendFake | undefined;
afterEach(() => drainThenRestore(resend));

const oneStep = {
  name: "One step",
  steps: [{ template: "whitepaper-welcome", delayMinutes: 0 }],
};

async function rowsFor(email: string) {
  const { keyed, legacy } = await emailHashes(email, env.SIGNING_SECRET);
  const rows = await env.DB.prepare(
    "SELECT email_hash, reason, hash_scheme FROM suppressions WHERE email_hash IN (?, ?)",
  )
    .bind(keyed, legacy)
    .all<{ email_hash: string; reason: string; hash_scheme: string }>();
  return { keyed, legacy, rows: rows.results };
}

/** A suppression written the old way: the bare SHA-256 of the address. */
async function legacySuppression(email: string, reason: string) {
  await env.DB.prepare(
    "INSERT INTO suppressions (email_hash, reason, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
  )
    .bind(await sha256Hex(email), reason, Date.now() - 86_400_000)
    .run();
}

async function enrolments(leadId: number): Promise<number> {
  return (await env.DB.prepare("SELECT count(*) n FROM enrolments WHERE lead_id = ?")
    .bind(leadId)
    .first<number>("n"))!;
}

describe("suppression hashes", () => {
  it("an erased address is kept as a keyed hash: its bare SHA-256 finds nothing", async () => {
    const email = "erase-keyed@example.com";
    const asset = await assetWithSequence(oneStep);
    const { lead_id } = await captureLead(asset.slug, email);
    expect((await api(`/api/v1/leads/${lead_id}`, { method: "DELETE" })).status).toBe(200);
    const { keyed, rows } = await rowsFor(email);
    expect(rows).toEqual([{ email_hash: keyed, reason: "erased", hash_scheme: "hmac-sha256" }]);
    const bare = await env.DB.prepare("SELECT 1 FROM suppressions WHERE email_hash = ?")
      .bind(await sha256Hex(email))
      .first();
    expect(bare).toBeNull();
    // The same address captured again is still never enrolled.
    const again = await captureLead(asset.slug, email);
    expect(await enrolments(again.lead_id)).toBe(0);
  });

  it("a suppression stored before keying still stops enrolment and sending", async () => {
    resend = fakeResend();
    const email = "legacy-unsub@example.com";
    await legacySuppression(email, "unsubscribed");
    const asset = await assetWithSequence(oneStep);
    const { lead_id } = await captureLead(asset.slug, email);
    expect(await enrolments(lead_id)).toBe(0);
    await tick(Date.now() + MINUTE);
    expect(resend.delivered.filter((d) => d.to === email)).toHaveLength(0);
  });

  it("a send queued before a legacy suppression landed is skipped at send time", async () => {
    resend = fakeResend();
    const email = "legacy-late@example.com";
    const asset = await assetWithSequence(oneStep);
    const { lead_id } = await captureLead(asset.slug, email);
    await legacySuppression(email, "complained");
    await tick(Date.now() + MINUTE);
    const [row] = await settledSends(ofLead(lead_id));
    expect(row).toMatchObject({ status: "skipped", last_error: "suppressed: complained" });
    expect(resend.delivered.filter((d) => d.to === email)).toHaveLength(0);
  });

  it("erasing a person with a legacy suppression re-keys it, keeping the first reason", async () => {
    const email = "legacy-erase@example.com";
    const asset = await assetWithSequence(oneStep);
    const { lead_id } = await captureLead(asset.slug, email);
    await legacySuppression(email, "bounced");
    expect((await api(`/api/v1/leads/${lead_id}`, { method: "DELETE" })).status).toBe(200);
    const { keyed, rows } = await rowsFor(email);
    expect(rows).toEqual([{ email_hash: keyed, reason: "bounced", hash_scheme: "hmac-sha256" }]);
  });

  it("the person's export lists their suppression, legacy or keyed", async () => {
    const email = "legacy-export@example.com";
    const asset = await assetWithSequence(oneStep);
    const { lead_id } = await captureLead(asset.slug, email);
    await legacySuppression(email, "unsubscribed");
    const res = await api(`/api/v1/leads/${lead_id}/export`);
    const body = (await res.json()) as { suppressions: { reason: string }[] };
    expect(body.suppressions).toEqual([expect.objectContaining({ reason: "unsubscribed" })]);
    expect((await sendRows(ofLead(lead_id))).length).toBe(0);
  });
});
