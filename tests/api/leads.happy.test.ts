import { describe, it, expect, beforeAll } from "vitest";
import { env } from "cloudflare:workers";
import { db, makeAsset } from "../support/fixtures";
import { api, captureViaGate, makeToken } from "../support/api";
import { waitFor } from "../support/leads";
import { ensureDefaultRules } from "../../src/services/scoring/default-rules";

type Page = {
  data: { id: number; email: string; score: number; stage: string; updated_at: string }[];
  next_cursor: string | null;
  has_more: boolean;
};
const page = async (qs: string, token?: string) => {
  const res = await api(`/api/v1/leads?${qs}`, { token });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Page;
};

/** Leads with exact scores and times, as the scorer would leave them (scored_at set). */
async function seedListed(n: number, base: number) {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = await env.DB.prepare(
      `INSERT INTO leads (email, referral_code, score, stage, scored_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    )
      .bind(
        `list${base}-${i}@acme.example`,
        `lc${base}x${i}`,
        (i * 7) % 60,
        i % 5 === 0 ? "mql" : "lead",
        base,
        base,
        base + Math.floor(i / 2),
      )
      .first<{ id: number }>();
    ids.push(row!.id);
  }
  return ids;
}

describe("the sales list", () => {
  beforeAll(async () => void (await ensureDefaultRules(db())));

  it("pages through every lead in change order, and the cursor stays correct while leads change", async () => {
    const base = Date.UTC(2030, 0, 1);
    const ids = await seedListed(30, base);
    const since = new Date(base).toISOString();
    const seen: number[] = [];
    let cursor: string | null = null;
    let changedOne = false;
    for (let guard = 0; guard < 20; guard++) {
      const p: Page = await page(
        `updated_since=${since}&limit=7${cursor ? `&cursor=${cursor}` : ""}`,
      );
      seen.push(...p.data.map((l) => l.id));
      cursor = p.next_cursor;
      if (!changedOne) {
        // Between pages, a lead already seen and a lead not yet seen both change.
        await env.DB.prepare(
          "UPDATE leads SET updated_at = ?, score = score + 1 WHERE id IN (?, ?)",
        )
          .bind(base + 1000, ids[0], ids[25])
          .run();
        changedOne = true;
      }
      if (!p.has_more) break;
    }
    expect(new Set(seen)).toEqual(new Set(ids));
    expect(seen.filter((id) => id === ids[0])).toHaveLength(2); // seen again after it changed
    expect(seen.filter((id) => id === ids[25])).toHaveLength(1); // moved ahead, seen once, not skipped
    const after = await page(`limit=50&cursor=${cursor}`);
    expect(after).toMatchObject({ data: [], has_more: false, next_cursor: cursor });
  });

  it.each([
    ["min_score", (l: { score: number }) => l.score >= 40, "min_score=40"],
    ["stage", (l: { stage: string }) => l.stage === "mql", "stage=mql"],
    [
      "stage and min_score",
      (l: { stage: string; score: number }) => l.stage === "lead" && l.score >= 30,
      "stage=lead&min_score=30",
    ],
  ])("filters by %s and still pages in change order", async (_what, keep, qs) => {
    const base = Date.UTC(2031, 0, 1) + Math.floor(Math.random() * 1e9);
    await seedListed(40, base);
    const all = (await page(`updated_since=${new Date(base).toISOString()}&limit=500`)).data;
    const expected = all.filter(keep as (l: unknown) => boolean).map((l) => l.id);
    const got: number[] = [];
    let cursor = "";
    for (;;) {
      const p = await page(
        `${qs}&updated_since=${new Date(base).toISOString()}&limit=4${cursor ? `&cursor=${cursor}` : ""}`,
      );
      got.push(...p.data.map((l) => l.id));
      if (!p.has_more) break;
      cursor = p.next_cursor!;
    }
    expect(got).toEqual(expected);
    expect(got.length).toBeGreaterThan(0);
  });

  it("finds a lead by email, and shows it in full with why it scores what it does", async () => {
    const asset = await makeAsset();
    const sales = await makeToken(["sales"]);
    const leadId = await captureViaGate(asset.slug, {
      email: "Priya@Fabrikam.example",
      name: "Priya",
      job_title: "Head of Product",
    });
    await waitFor(
      () =>
        env.DB.prepare("SELECT 1 AS ok FROM leads WHERE id = ? AND scored_at IS NOT NULL")
          .bind(leadId)
          .first(),
      "scoring",
    );
    const found = await page("email=priya@fabrikam.example", sales.token);
    expect(found.data.map((l) => l.id)).toEqual([leadId]);

    const res = await api(`/api/v1/leads/${leadId}`, { token: sales.token });
    expect(res.status).toBe(200);
    const lead = (await res.json()) as Record<string, any>;
    expect(lead.email).toBe("priya@fabrikam.example");
    expect(lead.score).toMatchObject({ total: 25, fit: 15, behaviour: 10 });
    expect(lead.score.top_reasons[0]).toEqual({
      rule_id: expect.any(Number),
      label: "Senior job title",
      points: 15,
    });
    expect(lead.score_ledger.reduce((s: number, l: { points: number }) => s + l.points, 0)).toBe(
      25,
    );
    expect(lead.first_touch.asset).toEqual({ id: asset.id, slug: asset.slug, title: asset.title });
    expect(lead.assets).toHaveLength(1);
    expect(lead.timeline.map((e: { type: string }) => e.type)).toContain("gate_submitted");
  });
});
