import { describe, it, expect } from "vitest";
import { env } from "cloudflare:workers";
import { db, makeAsset } from "../support/fixtures";
import {
  DEMO_COURSE_SLUG,
  DEMO_WHITEPAPER_SLUG,
  ensureDemoSequences,
} from "../../src/services/demo/demo-sequences";

describe("demo sequences", () => {
  it("give each demo asset its sequence once (the course branching on attendance), however often the seed runs", async () => {
    await makeAsset({ slug: DEMO_WHITEPAPER_SLUG, locale: "zh-CN" });
    await makeAsset({ slug: DEMO_COURSE_SLUG, kind: "course", fileKey: null });
    expect((await ensureDemoSequences(db(), Date.now())).sort()).toEqual(
      [DEMO_COURSE_SLUG, DEMO_WHITEPAPER_SLUG].sort(),
    );
    expect(await ensureDemoSequences(db(), Date.now())).toEqual([]);
    const steps = await env.DB.prepare(
      "SELECT a.slug, count(st.id) AS n FROM assets a JOIN sequence_steps st ON st.sequence_id = a.sequence_id WHERE a.slug IN (?, ?) GROUP BY a.slug ORDER BY a.slug",
    )
      .bind(DEMO_WHITEPAPER_SLUG, DEMO_COURSE_SLUG)
      .all();
    expect(steps.results).toEqual([
      { slug: DEMO_COURSE_SLUG, n: 4 },
      { slug: DEMO_WHITEPAPER_SLUG, n: 3 },
    ]);
    const sequences = await env.DB.prepare("SELECT count(*) AS n FROM sequences").first<{
      n: number;
    }>();
    expect(sequences!.n).toBe(2);
  });
});
