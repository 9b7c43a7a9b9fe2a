import { beforeAll, describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { insertLead } from "../support/leads";
import { fetchWorker } from "../support/http";
import { makeAsset } from "../support/fixtures";
import { ADMIN, gate } from "./support/report-fixture";
import { utcDay } from "../../src/domain/calendar-day";
import { login, type Session } from "../admin/support/browser-like";

const today = utcDay(Date.now());
const range = `from=${today}&to=${today}`;
let s: Session;

beforeAll(async () => {
  s = await login();
});

describe("score calibration", () => {
  beforeAll(async () => {
    // Scores 12, 15 and 19 share the 10–19 band; 3 and 7 share 0–9; one lead below zero.
    for (const score of [12, 15, 19, 3, 7, -4]) {
      const id = await insertLead();
      await env.DB.prepare("UPDATE leads SET score = ? WHERE id = ?").bind(score, id).run();
    }
  });

  it("the API gives each band once, with every lead of the band counted in it", async () => {
    const res = await fetchWorker(`/api/v1/reports/score-calibration?${range}`, { headers: ADMIN });
    expect(res.status).toBe(200);
    const { bands } = (await res.json()) as { bands: { band: string; leads: number }[] };
    expect(bands.map((b) => [b.band, b.leads])).toEqual([
      ["<0", 1],
      ["0–9", 2],
      ["10–19", 3],
    ]);
  });

  it("the reports page shows each band in one row", async () => {
    const html = await (await s.get(`/admin/reports?${range}`)).text();
    const calibration = html.slice(html.indexOf("Score calibration"));
    const bands = [...calibration.matchAll(/<tr><td>([^<]*)<\/td>/g)].map((m) => m[1]);
    expect(bands).toEqual(["&lt;0", "0–9", "10–19"]);
  });
});
