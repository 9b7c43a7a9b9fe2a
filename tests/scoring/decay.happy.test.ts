import { describe, it, expect } from "vitest";
import { decayFactor, roundPoints, ruleValue } from "../../src/services/scoring/decay";

const DAY = 86_400_000;

describe("behaviour points fade by half-life", () => {
  it.each([
    [0, 10, 1],
    [10 * DAY, 10, 0.5],
    [20 * DAY, 10, 0.25],
    [5 * DAY, null, 1],
    [-3 * DAY, 10, 1],
  ])("after %d ms with half-life %s days %d remains", (age, halfLife, factor) => {
    expect(decayFactor(age, halfLife)).toBeCloseTo(factor, 10);
  });

  it.each([
    [2.5, 3],
    [-2.5, -3],
    [2.49, 2],
    [0.4, 0],
  ])("%d rounds to %d, alike on both sides of zero", (x, y) => {
    expect(roundPoints(x)).toBe(y);
  });
});

describe("a rule's value at a moment", () => {
  const now = 100 * DAY;
  it.each([
    ["one fresh award", [{ points: 10, at: now }], 14, null, 10, false],
    ["one award a half-life old", [{ points: 10, at: now - 14 * DAY }], 14, null, 5, false],
    [
      "awards beyond the cap are held at the cap",
      [
        { points: 10, at: now },
        { points: 10, at: now },
        { points: 10, at: now },
      ],
      14,
      20,
      20,
      true,
    ],
    [
      "capped awards decay below the cap in time",
      [
        { points: 10, at: now - 14 * DAY },
        { points: 10, at: now - 14 * DAY },
        { points: 10, at: now - 14 * DAY },
      ],
      14,
      20,
      15,
      false,
    ],
    [
      "negative points are capped on their own side",
      [
        { points: -10, at: now },
        { points: -10, at: now },
      ],
      null,
      15,
      -15,
      true,
    ],
    ["long-gone awards are worth nothing", [{ points: 5, at: now - 365 * DAY }], 7, null, 0, false],
  ] as const)("%s", (_what, awards, halfLife, cap, value, capped) => {
    expect(ruleValue([...awards], halfLife, cap, now)).toEqual({ value, capped });
  });
});
