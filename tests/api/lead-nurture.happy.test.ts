// GET /api/v1/leads/{id} says where the lead stands on each sequence and why; the lead page says the same in words.
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeResend, type ResendFake } from "../nurture/support/resend-fake";
import {
  assetWithSequence,
  drainThenRestore,
  ofLead,
  settledSends,
  tick,
  MINUTE,
  QUEUE_TIMEOUTS,
} from "../nurture/support/nurture";
import { fetchWorker } from "../support/http";
import { api } from "../support/api";
import { makeAsset } from "../support/fixtures";
import { login } from "../admin/support/browser-like";
import { dripAsset, formWith, submitJson, TWO_STEPS } from "../consent/support";

vi.setConfig(QUEUE_TIMEOUTS);

let resend: ResendFake | undefined;
afterEach(() => drainThenRestore(resend));

interface NurtureEntry {
  sequence_id: number;
  sequence_name: string;
  asset_id: number;
  state: string;
  reason: string | null;
  next_step_at: string | null;
}
async function nurtureOf(leadId: number): Promise<NurtureEntry[]> {
  const res = await api(`/api/v1/leads/${leadId}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { nurture: NurtureEntry[] }).nurture;
}
async function capture(slug: string, email: string, extra: Record<string, unknown> = {}) {
  const res = await submitJson(slug, { email, name: "N", ...extra }, { country: "US" });
  expect(res.status).toBeLessThan(300);
  return ((await res.json()) as { lead_id: number }).lead_id;
}
const pick = (n: NurtureEntry) => ({ state: n.state, reason: n.reason });

describe("the lead's nurture in the API", () => {
  it("enrolled: with consent, the next email's time", async () => {
    const asset = await dripAsset("optional");
    const leadId = await capture(asset.slug, "enrolled@example.com", { consent: true });
    const [entry, ...rest] = await nurtureOf(leadId);
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      sequence_id: asset.sequenceId,
      sequence_name: "Welcome drip",
      asset_id: asset.id,
      state: "enrolled",
      reason: null,
    });
    expect(Math.abs(Date.parse(entry!.next_step_at!) - Date.now())).toBeLessThan(60_000);
  });

  it("not enrolled: no consent, or opted out of a soft opt-in", async () => {
    const optional = await dripAsset("optional");
    const implied = await dripAsset("implied");
    const none = await capture(optional.slug, "no-consent@example.com");
    const out = await capture(implied.slug, "opted-out@example.com", { marketing_opt_out: true });
    expect((await nurtureOf(none)).map(pick)).toEqual([
      { state: "not_enrolled", reason: "no_consent" },
    ]);
    expect((await nurtureOf(out)).map(pick)).toEqual([
      { state: "not_enrolled", reason: "opted_out" },
    ]);
    expect((await nurtureOf(none))[0]!.next_step_at).toBeNull();
  });

  it("not enrolled: waiting for the double opt-in click, with the confirmation's time", async () => {
    const asset = await assetWithSequence(TWO_STEPS, {
      form: formWith("optional"),
      doubleOptIn: true,
    });
    const leadId = await capture(asset.slug, "pending@example.com", { consent: true });
    const [entry] = await nurtureOf(leadId);
    expect(pick(entry!)).toEqual({ state: "not_enrolled", reason: "pending_optin" });
    expect(entry!.next_step_at).not.toBeNull();
  });

  it("completed after the last step, and stopped once they unsubscribe; a later asset then enrols nothing", async () => {
    resend = fakeResend();
    const oneStep = await assetWithSequence(
      { name: "One step", steps: [{ template: "whitepaper-welcome", delayMinutes: 0 }] },
      { form: formWith("optional") },
    );
    const twoStep = await dripAsset("optional");
    const done = await capture(oneStep.slug, "done@example.com", { consent: true });
    const quits = await capture(twoStep.slug, "quits@example.com", { consent: true });
    await tick(Date.now() + MINUTE);
    await settledSends(`${ofLead(done)} OR ${ofLead(quits)}`);
    expect((await nurtureOf(done)).map(pick)).toEqual([{ state: "completed", reason: null }]);

    const mail = resend.delivered.find((d) => d.to === "quits@example.com")!;
    const unsubscribe = new URL(mail.headers["List-Unsubscribe"]!.slice(1, -1)).pathname;
    expect((await fetchWorker(unsubscribe, { method: "POST" })).status).toBe(200);
    expect((await nurtureOf(quits)).map(pick)).toEqual([
      { state: "stopped", reason: "unsubscribed" },
    ]);
    const another = await dripAsset("optional");
    await capture(another.slug, "quits@example.com", { consent: true });
    expect((await nurtureOf(quits)).map(pick)).toEqual([
      { state: "stopped", reason: "unsubscribed" },
      { state: "not_enrolled", reason: "unsubscribed" },
    ]);
  });

  it("not enrolled: consent given after this asset, or the sequence attached after they came", async () => {
    const first = await dripAsset("optional");
    const second = await dripAsset("optional");
    const leadId = await capture(first.slug, "later@example.com");
    await new Promise((r) => setTimeout(r, 5));
    await capture(second.slug, "later@example.com", { consent: true });
    expect((await nurtureOf(leadId)).map((n) => [n.asset_id, n.state, n.reason])).toEqual([
      [second.id, "enrolled", null],
      [first.id, "not_enrolled", "consent_given_later"],
    ]);

    const bare = await makeAsset({ form: formWith("optional") });
    const early = await capture(bare.slug, "early@example.com", { consent: true });
    expect(await nurtureOf(early)).toEqual([]);
    const put = await api(`/api/v1/assets/${bare.id}/sequence`, { method: "PUT", json: TWO_STEPS });
    expect(put.status).toBeLessThan(300);
    expect((await nurtureOf(early)).map(pick)).toEqual([
      { state: "not_enrolled", reason: "captured_before_sequence" },
    ]);
  });

  it("is described in the OpenAPI document", async () => {
    const doc = (await (await fetchWorker("/api/v1/openapi.json")).json()) as {
      components: { schemas: Record<string, { properties: Record<string, { enum?: string[] }> }> };
    };
    const entry = doc.components.schemas.NurtureEntry!;
    expect(entry.properties.state!.enum).toEqual([
      "enrolled",
      "not_enrolled",
      "completed",
      "stopped",
    ]);
    expect(Object.keys(entry.properties)).toEqual(
      expect.arrayContaining(["sequence_id", "state", "reason", "next_step_at"]),
    );
    const detail = JSON.stringify(doc.components.schemas.LeadDetail);
    expect(detail).toContain(
      '"nurture":{"type":"array","items":{"$ref":"#/components/schemas/NurtureEntry"}}',
    );
    expect(detail).toContain('"consent":{"$ref":"#/components/schemas/LeadConsent"}');
  });
});

describe("the lead page", () => {
  it("says the nurture state and the consent in words, in English and Chinese", async () => {
    const asset = await dripAsset("optional");
    const leadId = await capture(asset.slug, "page@example.com", { privacy: true });
    const en = await (await (await login()).get(`/admin/leads/${leadId}`)).text();
    expect(en).toContain("Not enrolled");
    expect(en).toContain("no marketing consent");
    expect(en).toContain("No marketing consent");
    expect(en).toContain("Welcome drip");
    expect(en).toContain("[marketing opt-in box, unticked] Email me related content");
    const zh = await (await (await login(undefined, "zh-CN")).get(`/admin/leads/${leadId}`)).text();
    expect(zh).toContain("未加入");
    expect(zh).toContain("未同意接收营销邮件");
    expect(zh).toContain("选填");

    await capture(asset.slug, "page@example.com", { consent: true });
    const after = await (await (await login()).get(`/admin/leads/${leadId}`)).text();
    expect(after).toContain("Enrolled");
    expect(after).toContain("Consented (ticked the box)");
    expect(after).toMatch(/data-state="enrolled"/);
    expect(after).toContain("Kept only as a keyed hash");
    const zhAfter = await (
      await (await login(undefined, "zh-CN")).get(`/admin/leads/${leadId}`)
    ).text();
    expect(zhAfter).toContain("培育中");
    expect(zhAfter).toContain("仅保存带密钥的哈希值");
  });
});
