// Consent decides nurture, through the real gate, cron tick, queue and consumer (Resend faked at its HTTP boundary).
import { afterEach, describe, expect, it, vi } from "vitest";
import { env } from "cloudflare:workers";
import { fakeResend, type ResendFake } from "../nurture/support/resend-fake";
import {
  drainThenRestore,
  ofLead,
  sendRows,
  settledSends,
  tick,
  DAY,
  HOUR,
  QUEUE_TIMEOUTS,
} from "../nurture/support/nurture";
import { fetchWorker } from "../support/http";
import {
  downloadPath,
  dripAsset,
  enrolmentsOf,
  leadIdOf,
  submitForm,
  submitJson,
  thankYouPage,
} from "./support";

vi.setConfig(QUEUE_TIMEOUTS);

let resend: ResendFake;
afterEach(() => drainThenRestore(resend));
const mailTo = (to: string) => resend.delivered.filter((d) => d.to === to).map((d) => d.subject);

/** Every cron tick of the drip's life: now, after the welcome, after the follow-up's two days. */
async function runTheDrip(leadId: number) {
  for (const at of [Date.now() + HOUR, Date.now() + 3 * DAY]) {
    await tick(at);
    await settledSends(ofLead(leadId));
  }
}

describe("optional consent: only a ticked box starts the drip", () => {
  it("a lead who leaves the box unticked downloads the asset but gets no nurture mail, however often the cron ticks", async () => {
    resend = fakeResend();
    const asset = await dripAsset("optional");
    const page = await thankYouPage(
      await submitForm(asset.slug, { email: "no-box@example.com", name: "Nia" }, { country: "DE" }),
    );
    const file = await fetchWorker(downloadPath(page));
    expect(file.status).toBe(200);
    expect(await file.text()).toContain("%PDF");
    const leadId = await leadIdOf("no-box@example.com");
    await runTheDrip(leadId);
    expect(mailTo("no-box@example.com")).toEqual([]);
    expect(await sendRows(ofLead(leadId))).toEqual([]);
    expect(await enrolmentsOf(leadId)).toEqual([]);
  });

  it("a lead who ticks the box is enrolled and gets the welcome and then the follow-up", async () => {
    resend = fakeResend();
    const asset = await dripAsset("optional");
    await thankYouPage(
      await submitForm(
        asset.slug,
        { email: "ticked@example.com", name: "Tom", consent: "on" },
        { country: "DE" },
      ),
    );
    const leadId = await leadIdOf("ticked@example.com");
    expect(await enrolmentsOf(leadId)).toEqual([
      { sequence_id: asset.sequenceId, status: "active" },
    ]);
    await runTheDrip(leadId);
    expect(mailTo("ticked@example.com")).toHaveLength(2);
  });

  it("consent given on a later visit enrols the lead then, and the drip starts from its first step", async () => {
    resend = fakeResend();
    const asset = await dripAsset("optional");
    await submitJson(asset.slug, { email: "later@example.com", name: "Lee" });
    const leadId = await leadIdOf("later@example.com");
    await tick(Date.now() + HOUR);
    expect(await enrolmentsOf(leadId)).toEqual([]);
    const again = await submitJson(asset.slug, {
      email: "later@example.com",
      name: "Lee",
      consent: true,
    });
    expect(again.status).toBe(200);
    expect(await enrolmentsOf(leadId)).toHaveLength(1);
    await tick(Date.now() + 2 * HOUR);
    await settledSends(ofLead(leadId));
    expect(mailTo("later@example.com")).toHaveLength(1);
  });

  it("consent once given stands: a later capture of another asset with the box unticked still enrols", async () => {
    resend = fakeResend();
    const first = await dripAsset("optional");
    const second = await dripAsset("optional");
    await submitJson(first.slug, { email: "stands@example.com", name: "S", consent: true });
    await submitJson(second.slug, { email: "stands@example.com", name: "S" });
    const leadId = await leadIdOf("stands@example.com");
    expect((await enrolmentsOf(leadId)).map((e) => e.sequence_id).sort()).toEqual(
      [first.sequenceId, second.sequenceId].sort(),
    );
  });
});

describe("implied consent (soft opt-in)", () => {
  it("says so plainly on the form, and nurtures a visitor who does not tick the opt-out", async () => {
    resend = fakeResend();
    const asset = await dripAsset("implied");
    const form = await (
      await fetchWorker(`/p/${asset.slug}`, { cf: { country: "GB" } } as RequestInit)
    ).text();
    expect(form).toContain("We will also email you related content and invitations.");
    expect(form).toContain('name="marketing_opt_out"');
    expect(form).not.toMatch(/name="consent"/);
    await submitForm(asset.slug, { email: "soft@example.com", name: "S" }, { country: "GB" });
    const leadId = await leadIdOf("soft@example.com");
    await runTheDrip(leadId);
    expect(mailTo("soft@example.com")).toHaveLength(2);
  });

  it("a visitor who ticks the opt-out gets the asset and no nurture mail", async () => {
    resend = fakeResend();
    const asset = await dripAsset("implied");
    const res = await submitJson(
      asset.slug,
      { email: "opted-out@example.com", name: "O", marketing_opt_out: true },
      { country: "US" },
    );
    expect(res.status).toBe(201);
    expect((await res.json<{ download_url: string }>()).download_url).toMatch(/\/d\//);
    const leadId = await leadIdOf("opted-out@example.com");
    await runTheDrip(leadId);
    expect(mailTo("opted-out@example.com")).toEqual([]);
    const lead = await env.DB.prepare("SELECT marketing_consent FROM leads WHERE id = ?")
      .bind(leadId)
      .first();
    expect(lead).toEqual({ marketing_consent: "declined" });
  });

  it("a visitor from China, or from nowhere Cloudflare can tell, gets an opt-in box instead: silence is no consent", async () => {
    resend = fakeResend();
    const asset = await dripAsset("implied", { locale: "zh-CN" });
    for (const [email, country] of [
      ["cn-visitor@example.cn", "CN"],
      ["unknown-visitor@example.com", null],
    ] as const) {
      const form = await (
        await fetchWorker(`/p/${asset.slug}`, (country ? { cf: { country } } : {}) as RequestInit)
      ).text();
      expect(form).toContain('name="consent"');
      expect(form).not.toContain('name="marketing_opt_out"');
      expect(form).toContain("选填：不勾选也可获取白皮书。");
      expect((await submitJson(asset.slug, { email, name: "C" }, { country })).status).toBe(201);
      const leadId = await leadIdOf(email);
      expect(await enrolmentsOf(leadId)).toEqual([]);
      const touch = await env.DB.prepare(
        "SELECT consent_mode, consent_marketing FROM touches WHERE lead_id = ?",
      )
        .bind(leadId)
        .first();
      expect(touch).toEqual({ consent_mode: "optional", consent_marketing: "none" });
    }
  });
});
