import { describe, it, expect } from "vitest";
import { env } from "cloudflare:workers";
import { seedDemo } from "../../src/services/demo/seed-demo";
import { db } from "../support/fixtures";
import { api } from "../support/api";

const leadByEmail = async (email: string) =>
  (await env.DB.prepare("SELECT id FROM leads WHERE email = ?")
    .bind(email)
    .first<{ id: number }>())!.id;
type Lead = Record<string, unknown> & {
  score: { top_reasons: { label: string; points: number }[] };
};
const reasons = (lead: Lead) =>
  Object.fromEntries(lead.score.top_reasons.map((r) => [r.label, r.points]));

describe("demo leads", () => {
  it("a Chinese marketing director scored to MQL by the Chinese title rules, and the free-mail colleague she referred; seeding again adds nobody", async () => {
    const deps = {
      webhooks: env.WEBHOOKS,
      jobs: env.JOBS,
      threshold: 50,
      signingSecret: env.SIGNING_SECRET!,
      suppressionSecret: env.SIGNING_SECRET!,
    };
    await seedDemo(db(), env.FILES, Date.now(), deps);
    await seedDemo(db(), env.FILES, Date.now() + 1000, deps);
    expect((await env.DB.prepare("SELECT count(*) n FROM leads").first<{ n: number }>())!.n).toBe(
      2,
    );

    const director = await (
      await api(`/api/v1/leads/${await leadByEmail("wang.fang@yunfan-tech.example")}`)
    ).json<Lead>();
    expect(director).toMatchObject({
      job_title: "市场总监",
      phone: "+8613800138000",
      stage: "mql",
    });
    expect(director.stage_history).toEqual([
      expect.objectContaining({
        from: "lead",
        to: "mql",
        reason: expect.stringMatching(/threshold of 50/),
      }),
    ]);
    expect(reasons(director)).toMatchObject({
      "Senior job title": 15,
      "Works in marketing, sales or operations": 5,
      "Mid-size company": 10,
    });
    expect(director.first_touch).toMatchObject({ utm_source: "baidu", utm_medium: "cpc" });
    // She ticked marketing consent: enrolled in the whitepaper's drip, as the gate would.
    expect(director.nurture).toEqual([expect.objectContaining({ state: "enrolled" })]);

    const colleague = await (
      await api(`/api/v1/leads/${await leadByEmail("lina.sales@163.com")}`)
    ).json<Lead>();
    expect(colleague).toMatchObject({
      job_title: "销售经理",
      referred_by: { email: "wang.fang@yunfan-tech.example", name: "王芳" },
    });
    expect(reasons(colleague)).toMatchObject({
      "Manager-level job title": 5,
      "Free-mail address": -10,
    });
  });
});
