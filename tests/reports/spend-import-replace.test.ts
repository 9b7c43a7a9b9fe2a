// Re-importing replaces, never adds: spend is kept per platform, account, campaign and day, whatever tie
// was chosen. The preview says which leads each campaign will meet, and a mapping chosen there is kept.
import { beforeAll, describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { fetchWorker, postJson } from "../support/http";
import { makeAsset } from "../support/fixtures";
import { utcDay } from "../../src/domain/calendar-day";
import { addDays } from "../../src/domain/report-days";
import { spendDays } from "../../src/domain/spend-days";
import { ADMIN, gate } from "./support/report-fixture";

const today = utcDay(Date.now());
const yesterday = addDays(today, -1);

interface ImportJson {
  imported: number;
  duplicates: number;
  campaigns: {
    campaign: string;
    leads: number;
    meets_none: boolean;
    tie: { utm_campaign: string | null; asset_id: number | null; from: string };
  }[];
  known_campaigns: string[];
}

async function importCsv(body: Record<string, unknown>): Promise<ImportJson> {
  const res = await postJson("/api/v1/spend/import", body, { headers: ADMIN });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json() as Promise<ImportJson>;
}

const spendOf = async (campaign: string) =>
  (await env.DB.prepare(
    "SELECT coalesce(sum(amount_minor), 0) AS total, count(*) AS n FROM spend WHERE platform_campaign = ?",
  )
    .bind(campaign)
    .first<{ total: number; n: number }>())!;

let asset: { id: number; slug: string };

beforeAll(async () => {
  asset = await makeAsset({ title: "Baidu paper" });
  for (const i of [1, 2])
    await gate(asset.slug, {
      email: `bd${i}@buyer.cn`,
      utm_source: "baidu",
      utm_medium: "cpc",
      utm_campaign: "bd-spring-2026",
    });
});

describe("importing the same days again", () => {
  it("replaces them when the tie changes, instead of doubling the spend", async () => {
    const csv = `day,campaign,cost\n${yesterday},tie-test,10.00\n${today},tie-test,20.00\n`;
    await importCsv({ csv, asset_id: asset.id });
    const again = await importCsv({ csv, channel: "paid" });
    expect(again).toMatchObject({ imported: 0, duplicates: 2 });
    expect(await spendOf("tie-test")).toEqual({ total: 3000, n: 2 });
    const tie = await env.DB.prepare(
      "SELECT DISTINCT asset_id, channel FROM spend WHERE platform_campaign = 'tie-test'",
    ).all();
    expect(tie.results).toEqual([{ asset_id: null, channel: "paid" }]);
  });

  it("replaces a day whose amount changed (a late-settling click), keeping one row", async () => {
    await importCsv({ csv: `day,campaign,cost\n${today},settle,50.00\n`, channel: "paid" });
    await importCsv({ csv: `day,campaign,cost\n${today},settle,52.75\n`, channel: "paid" });
    expect(await spendOf("settle")).toEqual({ total: 5275, n: 1 });
  });

  it("keeps another platform account's spend on the same campaign name apart", async () => {
    const csv = `day,campaign,cost\n${today},shared-name,10.00\n`;
    await importCsv({ csv, channel: "paid", platform: "baidu", account: "acct-1" });
    await importCsv({ csv, channel: "paid", platform: "baidu", account: "acct-2" });
    expect(await spendOf("shared-name")).toEqual({ total: 2000, n: 2 });
  });

  it("a weekly row covers the same days as seven daily rows, so either replaces the other", () => {
    const daily = spendDays(
      Array.from({ length: 7 }, (_, i) => ({
        line: i + 2,
        dayFrom: addDays("2026-03-02", i),
        dayTo: addDays("2026-03-02", i),
        campaign: "Spring",
        account: "123-456-7890",
        costMinor: 1000,
        currency: "USD",
        impressions: null,
        clicks: null,
      })),
      "google_ads",
    );
    const weekly = spendDays(
      [
        {
          line: 2,
          dayFrom: "2026-03-02",
          dayTo: "2026-03-08",
          campaign: "spring",
          account: "123-456-7890",
          costMinor: 7700,
          currency: "USD",
          impressions: 70,
          clicks: 7,
        },
      ],
      "google_ads",
    );
    expect(weekly.days.map((d) => d.key)).toEqual(daily.days.map((d) => d.key));
    expect(weekly.days.map((d) => d.costMinor)).toEqual([1100, 1100, 1100, 1100, 1100, 1100, 1100]);
    expect(weekly.days.reduce((s, d) => s + (d.clicks ?? 0), 0)).toBe(7);
  });
});

describe("the preview's campaigns", () => {
  it("says how many leads each campaign meets and flags one that meets none, offering the campaigns that brought leads", async () => {
    const csv = `day,campaign,cost\n${today},bd-spring-2026,40.00\n${today},百度-春季推广,60.00\n`;
    const preview = await importCsv({ csv, dry_run: true, platform: "baidu" });
    const by = Object.fromEntries(preview.campaigns.map((c) => [c.campaign, c]));
    expect(by["bd-spring-2026"]).toMatchObject({ leads: 2, meets_none: false });
    expect(by["百度-春季推广"]).toMatchObject({ leads: 0, meets_none: true });
    expect(preview.known_campaigns).toContain("bd-spring-2026");
  });

  it("imports a mapped campaign onto the leads' row and keeps the mapping for the next file", async () => {
    const csv = `day,campaign,cost\n${today},百度-春季推广,60.00\n`;
    const first = await importCsv({
      csv,
      platform: "baidu",
      account: "bd-main",
      campaign_map: { "百度-春季推广": { utm_campaign: "bd-spring-2026" } },
    });
    expect(first.campaigns[0]).toMatchObject({ leads: 2, tie: { from: "given" } });
    const q = new URLSearchParams({
      from: yesterday,
      to: today,
      by: "campaign",
      asset_id: String(asset.id),
    });
    const r = (await (
      await fetchWorker(`/api/v1/reports/performance?${q}`, { headers: ADMIN })
    ).json()) as { rows: Record<string, number | string>[] };
    expect(r.rows.find((x) => x.campaign === "bd-spring-2026")).toMatchObject({
      leads: 2,
      spend_minor: 6000,
      cost_per_lead_minor: 3000,
    });

    const next = await importCsv({
      csv: `day,campaign,cost\n${addDays(today, 1)},百度-春季推广,30.00\n`,
      platform: "baidu",
      account: "bd-main",
      dry_run: true,
    });
    expect(next.campaigns[0]!.tie).toEqual({
      utm_campaign: "bd-spring-2026",
      asset_id: null,
      from: "saved",
    });
  });

  it("refuses a mapping onto an asset that does not exist", async () => {
    const res = await postJson(
      "/api/v1/spend/import",
      {
        csv: `day,campaign,cost\n${today},x,1\n`,
        campaign_map: { x: { asset_id: 999_999 } },
      },
      { headers: ADMIN },
    );
    expect(res.status).toBe(400);
  });
});
