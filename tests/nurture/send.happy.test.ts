// Happy paths through the real queue: the tick queues, the real consumer sends; each test waits for its own lead's mail.
import { describe, it, expect, afterEach, vi } from "vitest";
import { env } from "cloudflare:workers";
import { fakeResend, type ResendFake } from "./support/resend-fake";
import {
  assetWithSequence,
  captureLead,
  ofLead,
  drainThenRestore,
  sendRows,
  settledSends,
  tick,
  DAY,
  MINUTE,
  QUEUE_TIMEOUTS,
} from "./support/nurture";

vi.setConfig(QUEUE_TIMEOUTS);

let resend: ResendFake;
afterEach(() => drainThenRestore(resend));

const threeSteps = {
  name: "Whitepaper drip",
  steps: [
    { template: "whitepaper-welcome", delayMinutes: 0 },
    { template: "whitepaper-follow-up", delayMinutes: 2 * 24 * 60 },
    { template: "whitepaper-open-class", delayMinutes: 5 * 24 * 60 },
  ],
};

describe("a lead who passes the gate gets the drip", () => {
  it("sends the first step on the next tick, with unsubscribe headers, tags and a per-request Idempotency-Key", async () => {
    resend = fakeResend();
    const asset = await assetWithSequence(threeSteps);
    const { lead_id } = await captureLead(asset.slug, "drip-first@example.com");
    await tick(Date.now() + MINUTE);
    // One ledger row queued under one Idempotency-Key, then sent once by the consumer.
    const [row] = await settledSends(ofLead(lead_id));
    expect(resend.delivered.filter((d) => d.to === "drip-first@example.com")).toHaveLength(1);
    const mail = resend.delivered.find((d) => d.to === "drip-first@example.com")!;
    expect(mail.to).toBe("drip-first@example.com");
    expect(mail.subject).toContain(asset.title);
    expect(mail.headers["List-Unsubscribe"]).toMatch(/^<http.*\/u\/[^>]+>$/);
    expect(mail.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail.tags).toEqual(
      expect.arrayContaining([
        { name: "asset", value: asset.slug },
        { name: "step", value: "1" },
      ]),
    );
    expect(mail.html).toContain("Hi Ann,");
    expect(mail.html).toContain("/t/c/");
    expect(mail.key).toMatch(/^lodestone\/send\/\d+\/\d+$/);
    expect(row).toMatchObject({
      status: "sent",
      attempts: 1,
      last_error: null,
      batch_key: mail.key,
    });
    expect(row!.resend_id).toMatch(/^re_/);
    expect(resend.requests.filter((r) => r.key === mail.key)).toEqual([
      expect.objectContaining({ status: 200 }),
    ]);
  });

  it("waits for each step's delay, then completes the enrolment after the last step", async () => {
    resend = fakeResend();
    const asset = await assetWithSequence(threeSteps);
    const start = Date.now();
    const { lead_id } = await captureLead(asset.slug, "drip-delays@example.com");
    for (const at of [
      start + MINUTE,
      start + DAY,
      start + 2 * DAY + MINUTE,
      start + 4 * DAY,
      start + 5 * DAY + MINUTE,
    ]) {
      await tick(at);
      await settledSends(ofLead(lead_id));
    }
    // Other tests' leads in this file are due in the same ticks: look at this lead's mail only.
    expect(
      resend.delivered.filter((d) => d.to === "drip-delays@example.com").map((d) => d.subject),
    ).toEqual([
      `Your copy of “${asset.title}”`,
      "Three ideas from the report worth trying this quarter",
      "Join our open class: putting the report into practice",
    ]);
    const rows = await sendRows(ofLead(lead_id));
    expect(rows.map((r) => r.status)).toEqual(["sent", "sent", "sent"]);
    const enrolment = await env.DB.prepare(
      "SELECT status, next_due_at FROM enrolments WHERE lead_id = ?",
    )
      .bind(lead_id)
      .first();
    expect(enrolment).toEqual({ status: "completed", next_due_at: null });
  });

  it("a second gate submission does not restart the sequence", async () => {
    resend = fakeResend();
    const asset = await assetWithSequence(threeSteps);
    const { lead_id } = await captureLead(asset.slug, "twice@example.com");
    await tick(Date.now() + MINUTE);
    await settledSends(ofLead(lead_id));
    await captureLead(asset.slug, "twice@example.com");
    await tick(Date.now() + 2 * MINUTE);
    // The tick writes a ledger row for every step it queues: none for this lead.
    expect(await sendRows(ofLead(lead_id))).toHaveLength(1);
    expect(resend.delivered.filter((d) => d.to === "twice@example.com")).toHaveLength(1);
  });
});
