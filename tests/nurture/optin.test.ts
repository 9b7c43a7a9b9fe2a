// Through the real queue: ticks queue the confirmation and the drip, the real consumer sends them to the Resend fake.
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
  MINUTE,
  HOUR,
  QUEUE_TIMEOUTS,
} from "./support/nurture";
import { fetchWorker } from "../support/http";

vi.setConfig(QUEUE_TIMEOUTS);

let resend: ResendFake;
afterEach(() => drainThenRestore(resend));

const drip = {
  name: "Opt-in drip",
  steps: [
    { template: "whitepaper-welcome", delayMinutes: 0 },
    { template: "whitepaper-follow-up", delayMinutes: 60 },
  ],
};

describe("double opt-in", () => {
  it("sends the confirmation first and the drip only after the click", async () => {
    resend = fakeResend();
    const asset = await assetWithSequence(drip, { doubleOptIn: true });
    const { lead_id } = await captureLead(asset.slug, "optin@example.com");
    await tick(Date.now() + MINUTE);
    await settledSends(ofLead(lead_id));
    const confirm = resend.delivered.filter((d) => d.to === "optin@example.com");
    expect(confirm.map((d) => d.subject)).toEqual(["Please confirm your email"]);
    expect(confirm[0]!.tags).toContainEqual({ name: "step", value: "optin" });

    // No click, no drip, however long we wait.
    await tick(Date.now() + 5 * HOUR);
    expect(await sendRows(ofLead(lead_id))).toHaveLength(1); // the tick writes a ledger row for every email it queues

    const link = [...confirm[0]!.html.matchAll(/https?:\/\/[^"]+\/t\/c\/[^"]+/g)][0]![0];
    const hop = await fetchWorker(new URL(link).pathname);
    const confirmPath = new URL(hop.headers.get("location")!).pathname;
    const page = await fetchWorker(confirmPath);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`<form method="post" action="${confirmPath}">`);
    const optin = await fetchWorker(confirmPath, { method: "POST" });
    expect(optin.status).toBe(200);
    expect(await optin.text()).toContain("confirmed");
    await tick(Date.now() + 6 * HOUR);
    await settledSends(ofLead(lead_id));
    expect(
      resend.delivered.filter((d) => d.to === "optin@example.com").map((d) => d.subject),
    ).toEqual(["Please confirm your email", `Your copy of “${asset.title}”`]);
    const confirmed = await env.DB.prepare(
      "SELECT count(*) AS n FROM events WHERE lead_id = ? AND type = 'optin_confirmed'",
    )
      .bind(lead_id)
      .first<{ n: number }>();
    expect(confirmed!.n).toBe(1);
    expect(
      (await sendRows(ofLead(lead_id))).map((r) => [r.step_id === 0 ? "optin" : "step", r.status]),
    ).toEqual([
      ["optin", "sent"],
      ["step", "sent"],
    ]);
  });

  it.each(["GET", "POST"])("a tampered confirmation link is refused (%s)", async (method) => {
    const res = await fetchWorker("/optin/abc.def", { method });
    expect(res.status).toBe(403);
  });
});
