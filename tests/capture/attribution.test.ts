import { describe, it, expect } from "vitest";
import { env } from "cloudflare:workers";
import { makeAsset } from "../support/fixtures";
import { fetchWorker, postForm, postJson } from "../support/http";

type Capture = { lead_id: number; share_url: string };
const capture = async (slug: string, body: Record<string, unknown>) =>
  (await postJson(`/p/${slug}`, { name: "N", ...body })).json<Capture>();
const codeOf = (c: Capture) => new URL(c.share_url).pathname.split("/")[2]!;
const lead = (id: number) =>
  env.DB.prepare("SELECT * FROM leads WHERE id = ?").bind(id).first<Record<string, unknown>>();
const touches = (id: number) =>
  env.DB.prepare("SELECT * FROM touches WHERE lead_id = ? ORDER BY id")
    .bind(id)
    .all<Record<string, unknown>>()
    .then((r) => r.results);

describe("attribution", () => {
  it("the landing page carries UTM, ref, landing URL and an outside referrer into the form", async () => {
    const asset = await makeAsset();
    const html = await (
      await fetchWorker(
        `/p/${asset.slug}?utm_source=google&utm_medium=cpc&utm_campaign=spring%20sale&utm_term=crm&utm_content=ad-1&ref=abcdef2345`,
        { headers: { referer: "https://www.google.com/search?q=crm" } },
      )
    ).text();
    for (const [name, value] of [
      ["utm_source", "google"],
      ["utm_medium", "cpc"],
      ["utm_campaign", "spring sale"],
      ["utm_term", "crm"],
      ["utm_content", "ad-1"],
      ["ref", "abcdef2345"],
      ["referrer", "https://www.google.com/search?q=crm"],
    ]) {
      expect(html).toContain(`<input type="hidden" name="${name}" value="${value}"/>`);
    }
    expect(html).toMatch(
      /<input type="hidden" name="landing_url" value="https:\/\/lodestone\.test\/p\/[^"]+utm_source=google/,
    );
  });

  it("a form submission records all five UTM fields, the referrer host, the landing URL and the channel", async () => {
    const asset = await makeAsset();
    await postForm(`/p/${asset.slug}`, {
      email: "utm@example.com",
      name: "U",
      utm_source: "linkedin",
      utm_medium: "paid_social",
      utm_campaign: "q3",
      utm_term: "cmo",
      utm_content: "carousel",
      landing_url: `https://lodestone.test/p/${asset.slug}?utm_source=linkedin`,
      referrer: "https://www.linkedin.com/feed/",
    });
    const id = (await env.DB.prepare("SELECT id FROM leads WHERE email = 'utm@example.com'").first<{
      id: number;
    }>())!.id;
    expect((await touches(id))[0]).toMatchObject({
      utm_source: "linkedin",
      utm_medium: "paid_social",
      utm_campaign: "q3",
      utm_term: "cmo",
      utm_content: "carousel",
      referrer_host: "www.linkedin.com",
      landing_url: `https://lodestone.test/p/${asset.slug}?utm_source=linkedin`,
      channel: "paid",
    });
  });

  it("UTM fields missing from the form are taken from the landing URL", async () => {
    const asset = await makeAsset();
    const c = await capture(asset.slug, {
      email: "lu@example.com",
      landing_url:
        "https://lodestone.test/p/x?utm_source=newsletter&utm_medium=email&utm_campaign=nov",
    });
    expect((await touches(c.lead_id))[0]).toMatchObject({
      utm_source: "newsletter",
      utm_medium: "email",
      utm_campaign: "nov",
      channel: "email",
    });
  });

  it("our own host as referrer is ignored, so an internal hop is direct", async () => {
    const asset = await makeAsset();
    const c = await capture(asset.slug, {
      email: "own@example.com",
      referrer: "https://lodestone.test/p/other",
    });
    expect((await touches(c.lead_id))[0]).toMatchObject({ referrer_host: null, channel: "direct" });
  });

  it("the share link sends a colleague to the asset with the sharer's code", async () => {
    const asset = await makeAsset();
    const sharer = await capture(asset.slug, { email: "sharer@example.com" });
    const res = await fetchWorker(
      new URL(sharer.share_url).pathname + new URL(sharer.share_url).search,
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/p/${asset.slug}?ref=${codeOf(sharer)}`);
  });

  it("without ?to the share link goes to the asset the sharer last came through", async () => {
    const a = await makeAsset();
    const b = await makeAsset();
    const sharer = await capture(a.slug, { email: "last@example.com" });
    await capture(b.slug, { email: "last@example.com" });
    const res = await fetchWorker(`/r/${codeOf(sharer)}`);
    expect(res.headers.get("location")).toBe(`/p/${b.slug}?ref=${codeOf(sharer)}`);
  });

  it("an unknown share code still reaches a valid asset, unattributed; with no asset it is a 404", async () => {
    const asset = await makeAsset();
    expect((await fetchWorker(`/r/zzzzzzzzzz?to=${asset.slug}`)).headers.get("location")).toBe(
      `/p/${asset.slug}`,
    );
    expect((await fetchWorker(`/r/zzzzzzzzzz`)).status).toBe(404);
    expect((await fetchWorker(`/r/<script>?to=nope`)).status).toBe(404);
  });

  it("a colleague who arrives through a share link is referred by the sharer, as a referral", async () => {
    const asset = await makeAsset();
    const sharer = await capture(asset.slug, { email: "a@example.com" });
    const colleague = await capture(asset.slug, { email: "b@example.com", ref: codeOf(sharer) });
    expect((await lead(colleague.lead_id))!.referred_by_lead_id).toBe(sharer.lead_id);
    expect((await touches(colleague.lead_id))[0]).toMatchObject({
      ref_code: codeOf(sharer),
      referrer_lead_id: sharer.lead_id,
      channel: "referral",
    });
    const rollup = await env.DB.prepare(
      "SELECT sum(referral_leads) n FROM asset_daily WHERE asset_id = ?",
    )
      .bind(asset.id)
      .first("n");
    expect(rollup).toBe(1);
  });

  it("referred_by is set on the first capture only; a later share link does not steal the lead", async () => {
    const asset = await makeAsset();
    const first = await capture(asset.slug, { email: "first@example.com" });
    const second = await capture(asset.slug, { email: "second@example.com" });
    const lead3 = await capture(asset.slug, { email: "third@example.com", ref: codeOf(first) });
    await capture(asset.slug, { email: "third@example.com", ref: codeOf(second) });
    expect((await lead(lead3.lead_id))!.referred_by_lead_id).toBe(first.lead_id);
    const [t1, t2] = await touches(lead3.lead_id);
    expect(t1!.referrer_lead_id).toBe(first.lead_id);
    expect(t2!.referrer_lead_id).toBe(second.lead_id);
    const rollup = await env.DB.prepare(
      "SELECT sum(referral_leads) n FROM asset_daily WHERE asset_id = ?",
    )
      .bind(asset.id)
      .first("n");
    expect(rollup).toBe(1);
  });

  it("a referral chain credits each sharer with the colleague they brought", async () => {
    const asset = await makeAsset();
    const a = await capture(asset.slug, { email: "chain-a@example.com" });
    const b = await capture(asset.slug, { email: "chain-b@example.com", ref: codeOf(a) });
    const c = await capture(asset.slug, { email: "chain-c@example.com", ref: codeOf(b) });
    expect((await lead(b.lead_id))!.referred_by_lead_id).toBe(a.lead_id);
    expect((await lead(c.lead_id))!.referred_by_lead_id).toBe(b.lead_id);
    expect((await lead(a.lead_id))!.referred_by_lead_id).toBeNull();
  });

  it("using your own share link is not a referral", async () => {
    const asset = await makeAsset();
    const me = await capture(asset.slug, {
      email: "me@example.com",
      utm_source: "google",
      utm_medium: "cpc",
    });
    await capture(asset.slug, { email: "me@example.com", ref: codeOf(me) });
    expect((await lead(me.lead_id))!.referred_by_lead_id).toBeNull();
    const [, second] = await touches(me.lead_id);
    expect(second).toMatchObject({ referrer_lead_id: null, channel: "direct" });
  });

  it("each lead gets its own share code, stable across submissions", async () => {
    const asset = await makeAsset();
    const one = await capture(asset.slug, { email: "code1@example.com" });
    const again = await capture(asset.slug, { email: "code1@example.com" });
    const two = await capture(asset.slug, { email: "code2@example.com" });
    expect(codeOf(again)).toBe(codeOf(one));
    expect(codeOf(two)).not.toBe(codeOf(one));
  });
});
