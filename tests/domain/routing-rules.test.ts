// Routing rules: first match wins, turns go round the team, removed or wrong-role people are skipped.
import { describe, expect, it } from "vitest";
import {
  matchRule,
  nextInTeam,
  personForTurn,
  type RoutingRuleDef,
} from "../../src/domain/routing/rules";

const rule = (over: Partial<RoutingRuleDef>): RoutingRuleDef => ({
  id: 1,
  position: 10,
  match: "default",
  values: [],
  team: [1],
  ...over,
});
const facts = { country: "CN", companySize: "51-200", assetIds: [7] };

describe("which rule takes a lead", () => {
  it("a country rule wins over the default placed after it", () => {
    const rules = [
      rule({ id: 1, position: 99 }),
      rule({ id: 2, position: 1, match: "country", values: ["cn"] }),
    ];
    expect(matchRule(rules, facts)?.id).toBe(2);
    expect(matchRule(rules, { ...facts, country: "US" })?.id).toBe(1);
  });

  it("matches company size and asset, and nothing matches when no rule fits", () => {
    const size = rule({ id: 3, match: "company_size", values: ["51-200"] });
    const asset = rule({ id: 4, position: 5, match: "asset", values: ["7"] });
    expect(matchRule([size, asset], facts)?.id).toBe(4);
    expect(matchRule([size], { ...facts, companySize: null })).toBeNull();
  });
});

describe("whose turn it is", () => {
  it("round robin across three people gives 1-2-3-1", () => {
    const team = [11, 12, 13];
    const all = new Set(team);
    expect([1, 2, 3, 4].map((t) => personForTurn(team, all, t))).toEqual([11, 12, 13, 11]);
  });

  it("skips a removed teammate and answers null when nobody is left", () => {
    expect([1, 2, 3].map((t) => personForTurn([11, 12, 13], new Set([11, 13]), t))).toEqual([
      11, 13, 11,
    ]);
    expect(personForTurn([11], new Set(), 1)).toBeNull();
  });

  it("hands a lapsed lead to the next untried person, wrapping, then to nobody", () => {
    const all = new Set([1, 2, 3]);
    expect(nextInTeam([1, 2, 3], all, 3, new Set([3]))).toBe(1);
    expect(nextInTeam([1, 2, 3], new Set([1, 3]), 1, new Set([1]))).toBe(3);
    expect(nextInTeam([1, 2, 3], all, 2, new Set([1, 2, 3]))).toBeNull();
  });
});
