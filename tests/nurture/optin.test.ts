import { describe, it, expect, afterEach } from "vitest";
import { env } from "cloudflare:workers";
import { fakeResend, type ResendFake } from "./support/resend-fake";
import { assetWithSequence, captureLead, consume, queueRecorder, sendRows, tick, MINUTE, HOUR } from "./support/nurture";
import { fetchWorker } from "../support/http";

let resend: ResendFake;
afterEach(() => resend?.restore());

const drip = { name: "Opt-in drip", steps: [{ template: "whitepaper-welcome", delayMinutes: 0 }, { template: "whitepaper-follow-up", delayMinutes: 60 }] };

describe("double opt-in", () => {
  it("sends the confirmation first and the drip only after the click", async () => {
    resend = fakeResend();
    const asset = await assetWithSequence(drip, { doubleOptIn: true });
    const q = queueRecorder();
    const { lead_id } = await captureLead(asset.slug, "optin@example.com");
    await tick(q.env, Date.now() + MINUTE);
    await consume(q.env, q.sent.splice(0));
    const confirm = resend.delivered.filter((d) => d.to === "optin@example.com");
    expect(confirm.map((d) => d.subject)).toEqual(["Please confirm your email"]);
    expect(confirm[0]!.tags).toContainEqual({ name: "step", value: "optin" });

    // No click, no drip, however long we wait.
    await tick(q.env, Date.now() + 5 * HOUR);
    expect(q.sent.flatMap((m) => m.sendIds)).toHaveLength(0);

    const link = [...confirm[0]!.html.matchAll(/https?:\/\/[^"]+\/t\/c\/[^"]+/g)][0]![0];
    const hop = await fetchWorker(new URL(link).pathname);
    const optin = await fetchWorker(new URL(hop.headers.get("location")!).pathname);
    expect(optin.status).toBe(200);
    expect(await optin.text()).toContain("confirmed");
    await tick(q.env, Date.now() + 6 * HOUR);
    await consume(q.env, q.sent.splice(0));
    expect(resend.delivered.filter((d) => d.to === "optin@example.com").map((d) => d.subject)).toEqual(["Please confirm your email", `Your copy of “${asset.title}”`]);
    const confirmed = await env.DB.prepare("SELECT count(*) AS n FROM events WHERE lead_id = ? AND type = 'optin_confirmed'").bind(lead_id).first<{ n: number }>();
    expect(confirmed!.n).toBe(1);
    expect((await sendRows(`lead_id = ${lead_id}`)).map((r) => [r.step_id === 0 ? "optin" : "step", r.status])).toEqual([["optin", "sent"], ["step", "sent"]]);
  });

  it("a tampered confirmation link is refused", async () => {
    const res = await fetchWorker("/optin/abc.def");
    expect(res.status).toBe(403);
  });
});
