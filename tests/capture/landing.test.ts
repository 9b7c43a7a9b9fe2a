import { describe, it, expect } from "vitest";
import { env } from "cloudflare:workers";
import { createMessageBatch, getQueueResult, createExecutionContext } from "cloudflare:test";
import worker from "../../src/index";
import { makeAsset, makeSession } from "../support/fixtures";
import { fetchWorker } from "../support/http";
import type { ViewMessage } from "../../src/queue/messages";

describe("landing page", () => {
  it("shows title, summary, outline, the gate form with labelled fields, and social meta", async () => {
    const asset = await makeAsset({
      title: "The CFO's Guide",
      summary: "Numbers that matter",
      outline: ["Cash", "Margins"],
    });
    const res = await fetchWorker(`/p/${asset.slug}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const html = await res.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("<h1>The CFO&#39;s Guide</h1>");
    expect(html).toContain("<li>Cash</li><li>Margins</li>");
    expect(html).toContain('<meta property="og:title" content="The CFO&#39;s Guide"/>');
    expect(html).toContain('<meta name="twitter:card" content="summary"/>');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1"/>');
    for (const f of ["email", "name", "company", "job_title", "phone", "company_size"]) {
      expect(html).toContain(`<label for="${f}">`);
      expect(html).toContain(`id="${f}"`);
    }
    expect(html).toContain(`<form method="post" action="/p/${asset.slug}"`);
    expect(html).not.toMatch(/<script(?! src="https:\/\/challenges)/);
  });

  it("shows only the fields the asset asks for, and its consent text", async () => {
    const asset = await makeAsset({
      form: {
        fields: {
          name: "required",
          company: "hidden",
          job_title: "hidden",
          phone: "required",
          company_size: "hidden",
        },
        consent: { mode: "optional", text: "Send me news", version: "1", basis: null },
        privacy: { required: false },
      },
    });
    const html = await (await fetchWorker(`/p/${asset.slug}`)).text();
    expect(html).toContain('id="phone"');
    expect(html).not.toContain('id="company"');
    expect(html).not.toContain('id="company_size"');
    expect(html).toContain("Send me news");
  });

  it("a zh-CN asset is rendered in Chinese", async () => {
    const asset = await makeAsset({ locale: "zh-CN", title: "增长白皮书" });
    const html = await (await fetchWorker(`/p/${asset.slug}`)).text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain("工作邮箱");
    expect(html).toContain("免费获取白皮书");
    expect(html).toContain('content="zh_CN"');
  });

  it("a course shows its next session in the asset's timezone", async () => {
    const asset = await makeAsset({ kind: "course", fileKey: null });
    await makeSession(asset.id, Date.UTC(2031, 5, 2, 16, 30), "America/New_York");
    const html = await (await fetchWorker(`/p/${asset.slug}`)).text();
    expect(html).toContain("June 2, 2031 at 12:30 PM (Eastern Time)");
    expect(html).toContain("Reserve my seat");
  });

  it("an unknown asset is a 404 page in the browser's language", async () => {
    const res = await fetchWorker("/p/missing", {
      headers: { "accept-language": "zh-CN,zh;q=0.9" },
    });
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("页面不存在");
  });

  it("views are counted through the queue and aggregated into one rollup row per asset, day and channel", async () => {
    const asset = await makeAsset();
    const day = new Date().toISOString().slice(0, 10);
    const views: ViewMessage[] = [
      ...Array.from({ length: 5 }, () => ({
        type: "view" as const,
        assetId: asset.id,
        day,
        channel: "direct",
        campaign: "",
      })),
      ...Array.from({ length: 3 }, () => ({
        type: "view" as const,
        assetId: asset.id,
        day,
        channel: "paid",
        campaign: "spring",
      })),
    ];
    const batch = createMessageBatch(
      "lodestone-jobs",
      views.map((body, i) => ({ id: `m${i}`, timestamp: new Date(), attempts: 1, body })),
    );
    const ctx = createExecutionContext();
    await worker.queue(batch, env);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks.length).toBe(8);
    const rows = await env.DB.prepare(
      "SELECT channel, campaign, views FROM asset_daily WHERE asset_id = ? ORDER BY channel",
    )
      .bind(asset.id)
      .all();
    expect(rows.results).toEqual([
      { channel: "direct", campaign: "", views: 5 },
      { channel: "paid", campaign: "spring", views: 3 },
    ]);
  });

  it("an unreadable queue message is acknowledged and dropped, not retried forever", async () => {
    const batch = createMessageBatch("lodestone-jobs", [
      { id: "bad", timestamp: new Date(), attempts: 1, body: { type: "view", assetId: "x" } },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env);
    expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual(["bad"]);
  });
});

describe("the root", () => {
  it("sends visitors to the dashboard", async () => {
    const res = await fetchWorker("/");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/admin");
  });
});
