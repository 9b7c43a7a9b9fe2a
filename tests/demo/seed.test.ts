import { describe, it, expect } from "vitest";
import { env } from "cloudflare:workers";
import {
  seedDemo,
  DEMO_COURSE_SLUG,
  DEMO_WHITEPAPER_SLUG,
} from "../../src/services/demo/seed-demo";
import { db } from "../support/fixtures";
import { fetchWorker, postJson } from "../support/http";

describe("demo content", () => {
  it("seeds a zh-CN whitepaper with a real PDF, an en course a week ahead, their sequences (3 steps; the course 4: reminders, replay for no-shows, thanks for attendees) and the scoring rules; running it again changes nothing", async () => {
    const now = Date.now();
    await seedDemo(db(), env.FILES, now);
    await seedDemo(db(), env.FILES, now + 1000);
    const assets = await env.DB.prepare(
      "SELECT slug, kind, locale, status FROM assets ORDER BY slug",
    ).all();
    expect(assets.results).toEqual([
      { slug: DEMO_COURSE_SLUG, kind: "course", locale: "en", status: "published" },
      { slug: DEMO_WHITEPAPER_SLUG, kind: "whitepaper", locale: "zh-CN", status: "published" },
    ]);
    const sessions = await env.DB.prepare("SELECT starts_at FROM course_sessions").all<{
      starts_at: number;
    }>();
    expect(sessions.results).toHaveLength(1);
    const ahead = (sessions.results[0]!.starts_at - now) / 86_400_000;
    expect(ahead).toBeGreaterThanOrEqual(7);
    expect(ahead).toBeLessThan(7.05);

    const steps = await env.DB.prepare(
      "SELECT a.slug, count(st.id) n FROM assets a JOIN sequence_steps st ON st.sequence_id = a.sequence_id GROUP BY a.slug ORDER BY a.slug",
    ).all();
    expect(steps.results).toEqual([
      { slug: DEMO_COURSE_SLUG, n: 4 },
      { slug: DEMO_WHITEPAPER_SLUG, n: 3 },
    ]);
    const rules = (await env.DB.prepare("SELECT count(*) n FROM score_rules").first<{
      n: number;
    }>())!.n;
    expect(rules).toBeGreaterThan(0);
    await seedDemo(db(), env.FILES, now + 2000);
    expect(
      (await env.DB.prepare("SELECT count(*) n FROM score_rules").first<{ n: number }>())!.n,
    ).toBe(rules);
    expect(
      (await env.DB.prepare("SELECT count(*) n FROM sequence_steps").first<{ n: number }>())!.n,
    ).toBe(7);

    const pdf = await env.FILES.get("assets/saas-growth-whitepaper.pdf");
    const bytes = await pdf!.text();
    expect(bytes.startsWith("%PDF-1.4")).toBe(true);
    expect(bytes.trimEnd().endsWith("%%EOF")).toBe(true);
  });

  it("a prospect can get the demo whitepaper end to end", async () => {
    await seedDemo(db(), env.FILES, Date.now());
    const page = await (await fetchWorker(`/p/${DEMO_WHITEPAPER_SLUG}`)).text();
    expect(page).toContain("2026 SaaS 增长白皮书");
    const res = await postJson(`/p/${DEMO_WHITEPAPER_SLUG}`, {
      email: "demo@example.cn",
      name: "王芳",
      company: "示例科技",
      phone: "13812345678",
      privacy: true,
    });
    expect(res.status).toBe(201);
    const { download_url } = await res.json<{ download_url: string }>();
    const file = await fetchWorker(new URL(download_url).pathname);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
  });
});
