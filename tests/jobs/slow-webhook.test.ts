// A sales receiver that takes ten seconds to answer must not hold up the rest of Lodestone's work: page views
// and nurture emails of the same minute are done while the webhook attempt is still waiting (real queues).
import { describe, it, expect, afterEach } from "vitest";
import { env } from "cloudflare:workers";
import { createExecutionContext, createScheduledController } from "cloudflare:test";
import worker from "../../src/index";
import { api } from "../support/api";
import { fetchWorker, nextIp } from "../support/http";
import { waitFor } from "../support/leads";
import { fakeResend, type ResendFake } from "../nurture/support/resend-fake";
import { assetWithSequence, captureLead } from "../nurture/support/nurture";

let resend: ResendFake | undefined;
let restoreReceiver = () => {};
afterEach(() => {
  resend?.restore();
  restoreReceiver();
});

/** A CRM that answers after `delayMs`; records when each request arrived and when it was answered. */
function slowReceiver(delayMs: number) {
  const calls: { at: number; answeredAt?: number }[] = [];
  const original = globalThis.fetch;
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new Request(input, init).url;
    if (!url.startsWith("https://slow-crm.example/")) return original(input, init);
    const call: { at: number; answeredAt?: number } = { at: Date.now() };
    calls.push(call);
    const signal = init?.signal ?? null;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, delayMs);
      signal?.addEventListener("abort", () => {
        clearTimeout(timer);
        reject(signal.reason);
      });
    });
    call.answeredAt = Date.now();
    return new Response("ok", { status: 200 });
  }) as typeof fetch;
  return { calls, restore: () => (globalThis.fetch = original) };
}

describe("a slow webhook receiver", () => {
  it("does not delay page-view counts or an email send in the same minute", async () => {
    const receiver = slowReceiver(10_000);
    restoreReceiver = receiver.restore;
    resend = fakeResend();

    // Sales subscribes; a rule makes every gate submission qualify at once, so a capture emits lead.qualified.
    const endpoint = await api("/api/v1/webhooks", {
      method: "POST",
      json: { url: "https://slow-crm.example/hooks", event_types: ["lead.qualified"] },
    });
    expect(endpoint.status).toBe(201);
    const rule = await api("/api/v1/score-rules", {
      method: "POST",
      json: {
        kind: "behaviour",
        field: "event",
        match: ["gate_submitted"],
        points: 500,
        label: "Qualifies at once",
      },
    });
    expect(rule.status).toBe(201);
    const asset = await assetWithSequence({
      name: "Welcome",
      steps: [{ template: "whitepaper-welcome", delayMinutes: 0 }],
    });

    await captureLead(asset.slug, "slow-hook@example.com");
    // The delivery attempt has started and is waiting on the receiver.
    await waitFor(
      async () => receiver.calls.length > 0,
      "the webhook attempt to reach the receiver",
      15_000,
    );
    const busySince = Date.now();

    // Now, in the same minute: five page views and the cron tick that queues the welcome email.
    for (let i = 0; i < 5; i++)
      expect((await fetchWorker(`/p/${asset.slug}`, { ip: nextIp() })).status).toBe(200);
    await worker.scheduled!(
      createScheduledController({ scheduledTime: Date.now(), cron: "* * * * *" }),
      env,
      createExecutionContext(),
    );

    const views = await waitFor(
      async () => {
        const row = await env.DB.prepare(
          "SELECT sum(views) AS v FROM asset_daily WHERE asset_id = ?",
        )
          .bind(asset.id)
          .first<{ v: number | null }>();
        return (row?.v ?? 0) >= 5 ? Date.now() : null;
      },
      "five views counted",
      15_000,
    );
    const sent = await waitFor(
      async () =>
        resend!.delivered.some((d) => d.to === "slow-hook@example.com") ? Date.now() : null,
      "the welcome email sent",
      15_000,
    );

    // Both were done while the receiver was still holding the webhook attempt open.
    expect(receiver.calls[0]!.answeredAt).toBeUndefined();
    expect(views - busySince).toBeLessThan(5_000);
    expect(sent - busySince).toBeLessThan(5_000);
    // The attempt itself ends at the short timeout and is logged as one, to be retried on the schedule.
    const attempt = await waitFor(
      async () =>
        env.DB.prepare(
          "SELECT a.error FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id WHERE d.lead_id = (SELECT id FROM leads WHERE email = ?)",
        )
          .bind("slow-hook@example.com")
          .first<{ error: string | null }>(),
      "the attempt logged",
      15_000,
    );
    expect(attempt.error).toMatch(/no answer within 5 s/);
  }, 40_000);
});
