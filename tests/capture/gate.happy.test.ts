import { describe, it, expect } from "vitest";
import { env } from "cloudflare:workers";
import { makeAsset, makeSession } from "../support/fixtures";
import { fetchWorker, postJson, submitForm } from "../support/http";

const count = async (sql: string, ...args: unknown[]) =>
  (await env.DB.prepare(sql)
    .bind(...args)
    .first<{ n: number }>())!.n;

describe("gate submission, happy paths", () => {
  it("a new prospect becomes a lead with a touch, an event, a download link and a share link", async () => {
    const asset = await makeAsset();
    const res = await postJson(`/p/${asset.slug}`, {
      email: "Ann@Example.com",
      name: "Ann",
      company: "Acme",
    });
    expect(res.status).toBe(201);
    const body = await res.json<{
      lead_id: number;
      created: boolean;
      download_url: string;
      share_url: string;
    }>();
    expect(body.created).toBe(true);
    expect(body.download_url).toMatch(/^https:\/\/lodestone\.test\/d\/[\w-]+\.[\w-]+$/);
    expect(body.share_url).toMatch(
      new RegExp(`^https://lodestone\\.test/r/[2-9a-z]{10}\\?to=${asset.slug}$`),
    );
    const lead = await env.DB.prepare("SELECT * FROM leads WHERE id = ?")
      .bind(body.lead_id)
      .first();
    expect(lead).toMatchObject({
      email: "ann@example.com",
      name: "Ann",
      company: "Acme",
      touch_count: 1,
      locale: "en",
    });
    expect(await count("SELECT count(*) n FROM touches WHERE lead_id = ?", body.lead_id)).toBe(1);
    expect(
      await count(
        "SELECT count(*) n FROM events WHERE lead_id = ? AND type = 'gate_submitted'",
        body.lead_id,
      ),
    ).toBe(1);
  });

  it("submitting again is harmless: the same lead, one more touch, no second lead", async () => {
    const asset = await makeAsset();
    const first = await (
      await postJson(`/p/${asset.slug}`, { email: "bob@example.com", name: "Bob" })
    ).json<{ lead_id: number }>();
    const again = await postJson(`/p/${asset.slug}`, { email: "  BOB@example.com ", name: "Bob" });
    expect(again.status).toBe(200);
    const second = await again.json<{ lead_id: number; created: boolean }>();
    expect(second).toMatchObject({ lead_id: first.lead_id, created: false });
    expect(await count("SELECT count(*) n FROM leads WHERE email = 'bob@example.com'")).toBe(1);
    expect(await count("SELECT count(*) n FROM touches WHERE lead_id = ?", first.lead_id)).toBe(2);
    expect(await count("SELECT touch_count n FROM leads WHERE id = ?", first.lead_id)).toBe(2);
  });

  it("a later submission fills in new details without erasing known ones", async () => {
    const asset = await makeAsset();
    await postJson(`/p/${asset.slug}`, { email: "cy@example.com", name: "Cy", company: "Acme" });
    await postJson(`/p/${asset.slug}`, {
      email: "cy@example.com",
      name: "Cy Young",
      phone: "(415) 555-2671",
    });
    const lead = await env.DB.prepare(
      "SELECT name, company, phone FROM leads WHERE email = 'cy@example.com'",
    ).first();
    expect(lead).toEqual({ name: "Cy Young", company: "Acme", phone: "+14155552671" });
  });

  it("keeps the first touch and the latest touch of a lead", async () => {
    const asset = await makeAsset();
    const other = await makeAsset();
    const { lead_id } = await (
      await postJson(`/p/${asset.slug}`, {
        email: "dee@example.com",
        name: "Dee",
        utm_source: "google",
        utm_medium: "cpc",
      })
    ).json<{ lead_id: number }>();
    await postJson(`/p/${other.slug}`, {
      email: "dee@example.com",
      name: "Dee",
      utm_source: "newsletter",
      utm_medium: "email",
    });
    const rows = await env.DB.prepare(
      "SELECT asset_id, channel FROM touches WHERE lead_id = ? ORDER BY id",
    )
      .bind(lead_id)
      .all();
    expect(rows.results).toEqual([
      { asset_id: asset.id, channel: "paid" },
      { asset_id: other.id, channel: "email" },
    ]);
  });

  it("the form lands on the thank-you page holding the download and share links", async () => {
    const asset = await makeAsset({ title: "The Growth Report" });
    const res = await submitForm(`/p/${asset.slug}`, { email: "eve@example.com", name: "Eve" });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Thank you!");
    expect(html).toContain("The Growth Report");
    expect(html).toMatch(
      /<a class="button" id="download" href="https:\/\/lodestone\.test\/d\/[\w-]+\.[\w-]+"/,
    );
    expect(html).toMatch(/id="share-link">https:\/\/lodestone\.test\/r\/[2-9a-z]{10}\?to=/);
  });

  it("a zh-CN asset normalises a Chinese mobile number to E.164 and answers in Chinese", async () => {
    const asset = await makeAsset({ locale: "zh-CN", title: "增长白皮书" });
    const res = await submitForm(`/p/${asset.slug}`, {
      email: "li@example.cn",
      name: "李雷",
      phone: "13812345678",
    });
    expect(await res.text()).toContain("感谢您的关注");
    const lead = await env.DB.prepare(
      "SELECT name, phone, locale FROM leads WHERE email = 'li@example.cn'",
    ).first();
    expect(lead).toEqual({ name: "李雷", phone: "+8613812345678", locale: "zh-CN" });
  });

  it("counts submissions and new leads in the daily rollup per asset and channel", async () => {
    const asset = await makeAsset();
    await postJson(`/p/${asset.slug}`, {
      email: "g1@example.com",
      name: "G",
      utm_source: "google",
      utm_medium: "cpc",
      utm_campaign: "spring",
    });
    await postJson(`/p/${asset.slug}`, {
      email: "g1@example.com",
      name: "G",
      utm_source: "google",
      utm_medium: "cpc",
      utm_campaign: "spring",
    });
    await postJson(`/p/${asset.slug}`, {
      email: "g2@example.com",
      name: "G",
      utm_source: "google",
      utm_medium: "cpc",
      utm_campaign: "spring",
    });
    const row = await env.DB.prepare(
      "SELECT channel, campaign, submissions, new_leads FROM asset_daily WHERE asset_id = ?",
    )
      .bind(asset.id)
      .first();
    expect(row).toEqual({ channel: "paid", campaign: "spring", submissions: 3, new_leads: 2 });
  });

  it("a course's thank-you page shows the session in the asset's timezone with a calendar file", async () => {
    const asset = await makeAsset({
      kind: "course",
      fileKey: null,
      timezone: "Asia/Shanghai",
      title: "Open Class",
    });
    const startsAt = Date.UTC(2030, 0, 15, 6, 0);
    await makeSession(asset.id, startsAt, "Asia/Shanghai");
    const json = await (
      await postJson(`/p/${asset.slug}`, { email: "hal@example.com", name: "Hal" })
    ).json<{ calendar_url: string; session_starts_at: string }>();
    expect(json.session_starts_at).toBe("2030-01-15T06:00:00.000Z");
    const html = await (
      await submitForm(`/p/${asset.slug}`, { email: "hal@example.com", name: "Hal" })
    ).text();
    expect(html).toContain("January 15, 2030 at 2:00 PM (China Standard Time)");
    expect(html).toContain(`/p/${asset.slug}/calendar.ics`);
    const ics = await fetchWorker(new URL(json.calendar_url).pathname);
    expect(ics.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(await ics.text()).toContain("DTSTART:20300115T060000Z");
  });
});
