import { describe, expect, it } from "vitest";
import { apportion } from "../../src/domain/apportion";
import {
  allocateSpend,
  type LeadCell,
  type SpendRecord,
} from "../../src/services/reports/spend-allocation";
import { bucketOf, bucketMidMinutes, medianMinutes } from "../../src/services/reports/latency";
import { periodOf } from "../../src/domain/report-days";
import { parseCsv, csvCell } from "../../src/domain/csv";
import { parseAmount, convertMinor } from "../../src/domain/money";
import { minorToDecimal } from "../../src/services/reports/export-csv";
import { calibrate } from "../../src/services/reports/calibration";

describe("splitting money", () => {
  it.each([
    [100, [1, 1, 1], [34, 33, 33]],
    [10, [1.5, 1], [6, 4]],
    [1, [1, 1], [1, 0]],
    [-100, [1, 1, 1], [-34, -33, -33]],
    [7, [0, 2, 0, 1], [0, 5, 0, 2]],
  ])("%i over weights %j gives %j, adding up exactly", (total, weights, parts) => {
    expect(apportion(total, weights)).toEqual(parts);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
  });

  it("has nothing to spread over when no weight is positive", () => {
    expect(apportion(100, [0, 0])).toBeNull();
    expect(apportion(100, [])).toBeNull();
  });

  it("adds up exactly for awkward totals and weights", () => {
    for (let total = 0; total < 500; total += 37) {
      const weights = [1 / 3, 2 / 7, 0.5, 0.01, 3];
      expect(apportion(total, weights)!.reduce((a, b) => a + b, 0)).toBe(total);
    }
  });
});

describe("spreading spend", () => {
  const cell = (
    assetId: number,
    month: string,
    campaign: string,
    leads: number,
    channel = "paid",
  ): LeadCell => ({ assetId, month, channel, campaign, source: "", medium: "", leads });
  const spend = (over: Partial<SpendRecord>): SpendRecord => ({
    id: 1,
    assetId: null,
    channel: null,
    source: null,
    medium: null,
    campaign: null,
    label: { channel: over.channel ?? "", campaign: over.campaign ?? "" },
    dayFrom: "2026-03-01",
    dayTo: "2026-03-01",
    reportingMinor: 0,
    ...over,
  });
  const range = { from: "2026-01-01", to: "2026-12-31" };

  it("splits a range evenly over its days and keeps only the days in the report", () => {
    const cells = allocateSpend(
      [spend({ assetId: 7, dayFrom: "2026-03-01", dayTo: "2026-03-03", reportingMinor: 100 })],
      [],
      { from: "2026-03-02", to: "2026-03-31" },
    );
    expect(cells.map((c) => [c.day, c.amountMinor])).toEqual([
      ["2026-03-02", 33],
      ["2026-03-03", 33],
    ]);
  });

  it("spreads campaign spend over the campaign's assets by credited leads in the months the spend covers", () => {
    const cells = allocateSpend(
      [
        spend({
          campaign: "spring",
          dayFrom: "2026-03-01",
          dayTo: "2026-03-02",
          reportingMinor: 1000,
        }),
      ],
      [
        cell(1, "2026-03", "spring", 1.5),
        cell(2, "2026-03", "spring", 1),
        cell(3, "2026-03", "autumn", 9),
        cell(4, "2026-04", "spring", 9),
      ],
      range,
    );
    const byAsset = new Map<number | null, number>();
    for (const c of cells) byAsset.set(c.assetId, (byAsset.get(c.assetId) ?? 0) + c.amountMinor);
    expect(Object.fromEntries(byAsset)).toEqual({ 1: 600, 2: 400 });
  });

  it("keeps spend whose campaign brought no leads as unattributed, still counted", () => {
    const cells = allocateSpend(
      [spend({ campaign: "quiet", reportingMinor: 500 })],
      [cell(1, "2026-03", "spring", 3)],
      range,
    );
    expect(cells).toEqual([
      { assetId: null, day: "2026-03-01", channel: "", campaign: "quiet", amountMinor: 500 },
    ]);
  });

  it("spreads a day of spend by its month's leads, so a day without leads is not left unattributed", () => {
    const cells = allocateSpend(
      [
        spend({
          campaign: "spring",
          dayFrom: "2026-03-20",
          dayTo: "2026-03-20",
          reportingMinor: 90,
        }),
      ],
      [cell(1, "2026-03", "spring", 2), cell(2, "2026-03", "spring", 1)],
      range,
    );
    expect(cells.map((c) => [c.assetId, c.amountMinor])).toEqual([
      [1, 60],
      [2, 30],
    ]);
  });

  it("sums a period's daily rows before spreading them, and still adds up exactly", () => {
    const daily = Array.from({ length: 31 }, (_, i) =>
      spend({
        id: i,
        campaign: "spring",
        dayFrom: `2026-03-${String(i + 1).padStart(2, "0")}`,
        dayTo: `2026-03-${String(i + 1).padStart(2, "0")}`,
        reportingMinor: 101,
      }),
    );
    const weights = [
      cell(1, "2026-03", "spring", 1),
      cell(2, "2026-03", "spring", 1),
      cell(3, "2026-03", "spring", 1),
    ];
    const byMonth = allocateSpend(daily, weights, range, (d) => d.slice(0, 7));
    expect(byMonth.map((c) => [c.assetId, c.amountMinor])).toEqual([
      [1, 1044],
      [2, 1044],
      [3, 1043],
    ]);
    const byDay = allocateSpend(daily, weights, range);
    expect(byDay).toHaveLength(93);
    expect(byDay.reduce((a, c) => a + c.amountMinor, 0)).toBe(31 * 101);
  });

  it("matches channel-only spend to every campaign of that channel", () => {
    const cells = allocateSpend(
      [spend({ channel: "social", reportingMinor: 300 })],
      [
        cell(1, "2026-03", "a", 1, "social"),
        cell(2, "2026-03", "b", 2, "social"),
        cell(3, "2026-03", "a", 5, "paid"),
      ],
      range,
    );
    expect(cells.map((c) => [c.assetId, c.amountMinor])).toEqual([
      [1, 100],
      [2, 200],
    ]);
  });
});

describe("periods", () => {
  it.each([
    ["2026-03-04", "day", "2026-03-04"],
    ["2026-03-04", "week", "2026-03-02"],
    ["2026-03-01", "week", "2026-02-23"],
    ["2026-03-04", "month", "2026-03"],
    ["2026-03-04", "range", "2026-03-01..2026-03-31"],
  ] as const)("%s by %s is %s", (day, grain, period) => {
    expect(periodOf(day, grain, { from: "2026-03-01", to: "2026-03-31" })).toBe(period);
  });
});

describe("median time to MQL from a histogram", () => {
  it.each([1, 30, 120, 60 * 24, 60 * 24 * 30])(
    "a latency of %i minutes lands in a bucket whose midpoint is within 10 percent (of 1 + minutes)",
    (minutes) => {
      const mid = bucketMidMinutes(bucketOf(minutes * 60_000));
      expect(Math.abs(mid + 1 - (minutes + 1)) / (minutes + 1)).toBeLessThan(0.1);
      if (minutes >= 30) expect(Math.abs(mid - minutes) / minutes).toBeLessThan(0.1);
    },
  );

  it("finds the weighted middle, with fractional (linear) credit", () => {
    const h = {
      [bucketOf(60 * 60_000)]: 0.5,
      [bucketOf(600 * 60_000)]: 1,
      [bucketOf(6000 * 60_000)]: 0.4,
    };
    expect(medianMinutes(h)).toBeCloseTo(bucketMidMinutes(bucketOf(600 * 60_000)), 6);
    expect(medianMinutes({})).toBeNull();
  });
});

describe("CSV", () => {
  it("gives each record the line it starts on, through quoted newlines, CRLF and blank lines", () => {
    const recs = parseCsv('\uFEFFa,b\r\n1,"x\r\ny"\r\n\r\n2,"he said ""hi"""\n3,\n');
    expect(recs).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["1", "x\r\ny"] },
      { line: 5, cells: ["2", 'he said "hi"'] },
      { line: 6, cells: ["3", ""] },
    ]);
  });

  it("reads semicolon- and tab-separated exports", () => {
    expect(parseCsv("day;cost\n2026-01-01;5\n")[1]!.cells).toEqual(["2026-01-01", "5"]);
    expect(parseCsv("day\tcost\n2026-01-01\t5")[1]!.cells).toEqual(["2026-01-01", "5"]);
  });

  it.each([
    ['=HYPERLINK("x")', '\'=HYPERLINK(""x"")'],
    ["a,b", '"a,b"'],
    ["+1 555", "'+1 555"],
    [-5, "-5"],
    [null, ""],
  ])("writes %j as %s (formulas defused, numbers untouched)", (v, out) => {
    const cell = csvCell(v);
    expect(cell.replace(/^"(.*)"$/, "$1")).toBe(out.replace(/^"(.*)"$/, "$1"));
  });
});

describe("money", () => {
  it.each([
    ["1,234.50", "USD", 123450],
    ["$12", "USD", 1200],
    ["-3.5", "USD", -350],
    ["1000", "JPY", 1000],
    ["1.5", "JPY", null],
    ["12.345", "USD", null],
    ["abc", "USD", null],
  ])("%s %s is %s minor units", (text, ccy, minor) => {
    expect(parseAmount(text, ccy)).toBe(minor);
  });

  it("converts between currencies with different minor units", () => {
    expect(convertMinor(1000, "JPY", "USD", 0.0067)).toBe(670);
    expect(convertMinor(10000, "EUR", "USD", 1.08)).toBe(10800);
    expect(minorToDecimal(-123456, "USD")).toBe("-1234.56");
    expect(minorToDecimal(5, "USD")).toBe("0.05");
    expect(minorToDecimal(500, "JPY")).toBe("500");
  });
});

describe("score calibration bands", () => {
  it("counts leads, MQLs and won deals per band of ten, with rates", () => {
    const bands = calibrate([
      { score: 5, mql: false, won: false },
      { score: 9, mql: false, won: false },
      { score: 55, mql: true, won: false },
      { score: 57, mql: true, won: true },
      { score: 120, mql: true, won: true },
      { score: -4, mql: false, won: false },
    ]);
    expect(bands.map((b) => [b.band, b.leads, b.mqls, b.won, b.win_rate])).toEqual([
      ["<0", 1, 0, 0, 0],
      ["0–9", 2, 0, 0, 0],
      ["50–59", 2, 2, 1, 0.5],
      ["100+", 1, 1, 1, 1],
    ]);
  });
});
