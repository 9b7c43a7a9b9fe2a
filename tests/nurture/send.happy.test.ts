import { describe, it, expect, afterEach } from "vitest";
import { fakeResend, type ResendFake } from "./support/resend-fake";
import { assetWithSequence, captureLead, consume, queueRecorder, sendRows, tick, DAY, HOUR, MINUTE } from "./support/nurture";

let resend: ResendFake;
afterEach(() => resend?.restore());

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
    const q = queueRecorder();
    const { lead_id } = await captureLead(asset.slug, "drip-first@example.com");
    await tick(q.env, Date.now() + MINUTE);
    expect(q.sent).toHaveLength(1);
    const result = await consume(q.env, q.sent);
    expect(result.explicitAcks).toHaveLength(1);
    expect(resend.delivered).toHaveLength(1);
    const mail = resend.delivered[0]!;
    expect(mail.to).toBe("drip-first@example.com");
    expect(mail.subject).toContain(asset.title);
    expect(mail.headers["List-Unsubscribe"]).toMatch(/^<http.*\/u\/[^>]+>$/);
    expect(mail.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail.tags).toEqual(expect.arrayContaining([{ name: "asset", value: asset.slug }, { name: "step", value: "1" }]));
    expect(mail.html).toContain("Hi Ann,");
    expect(mail.html).toContain("/t/c/");
    expect(mail.key).toMatch(/^lodestone\/send\/\d+\/\d+$/);
    const [row] = await sendRows(`lead_id = ${lead_id}`);
    expect(row).toMatchObject({ status: "sent", attempts: 1, last_error: null });
    expect(row!.resend_id).toMatch(/^re_/);
  });

  it("waits for each step's delay, then completes the enrolment after the last step", async () => {
    resend = fakeResend();
    const asset = await assetWithSequence(threeSteps);
    const q = queueRecorder();
    const start = Date.now();
    const { lead_id } = await captureLead(asset.slug, "drip-delays@example.com");
    for (const at of [start + MINUTE, start + DAY, start + 2 * DAY + MINUTE, start + 4 * DAY, start + 5 * DAY + MINUTE]) {
      await tick(q.env, at);
      await consume(q.env, q.sent.splice(0));
    }
    // Other tests' leads in this file are due in the same ticks: look at this lead's mail only.
    expect(resend.delivered.filter((d) => d.to === "drip-delays@example.com").map((d) => d.subject)).toEqual([`Your copy of “${asset.title}”`, "Three ideas from the report worth trying this quarter", "Join our open class: putting the report into practice"]);
    const rows = await sendRows(`lead_id = ${lead_id}`);
    expect(rows.map((r) => r.status)).toEqual(["sent", "sent", "sent"]);
    const { env } = await import("cloudflare:workers");
    const enrolment = await env.DB.prepare("SELECT status, next_due_at FROM enrolments WHERE lead_id = ?").bind(lead_id).first();
    expect(enrolment).toEqual({ status: "completed", next_due_at: null });
  });

  it("a second gate submission does not restart the sequence", async () => {
    resend = fakeResend();
    const asset = await assetWithSequence(threeSteps);
    const q = queueRecorder();
    await captureLead(asset.slug, "twice@example.com");
    await tick(q.env, Date.now() + MINUTE);
    await consume(q.env, q.sent.splice(0));
    await captureLead(asset.slug, "twice@example.com");
    await tick(q.env, Date.now() + 2 * MINUTE);
    expect(q.sent.flatMap((m) => m.sendIds)).toHaveLength(0);
    expect(resend.delivered.filter((d) => d.to === "twice@example.com")).toHaveLength(1);
  });
});
