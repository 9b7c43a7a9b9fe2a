// Acceptance deadlines count Monday–Friday in the workspace time zone, never the weekend.
import { describe, expect, it } from "vitest";
import { addWorkingDays } from "../../src/domain/routing/working-days";

const at = (iso: string) => Date.parse(iso);

describe("an acceptance deadline of working days", () => {
  it.each([
    [
      "a Tuesday lead is due Thursday at the same time",
      "2026-12-01T10:00:00Z",
      "2026-12-03T10:00:00Z",
    ],
    [
      "a Friday afternoon lead skips the weekend to Tuesday",
      "2026-12-04T15:00:00Z",
      "2026-12-08T15:00:00Z",
    ],
    ["a Thursday lead is due Monday", "2026-12-03T09:30:00Z", "2026-12-07T09:30:00Z"],
    [
      "a Saturday lead starts counting on Monday at midnight",
      "2026-12-05T10:00:00Z",
      "2026-12-09T00:00:00Z",
    ],
    ["a Sunday night lead too", "2026-12-06T23:59:00Z", "2026-12-09T00:00:00Z"],
  ])("%s (UTC)", (_what, from, due) => {
    expect(new Date(addWorkingDays(at(from), 2, "UTC")).toISOString()).toBe(
      new Date(at(due)).toISOString(),
    );
  });

  it("counts the weekend in the workspace's zone, not UTC's: Friday 23:00 UTC is already Saturday in Shanghai", () => {
    // Sat 07:00 in Shanghai: the clock starts Monday 00:00 Shanghai (Sunday 16:00 UTC), due Wednesday 00:00 Shanghai.
    const due = addWorkingDays(at("2026-12-04T23:00:00Z"), 2, "Asia/Shanghai");
    expect(new Date(due).toISOString()).toBe("2026-12-08T16:00:00.000Z");
    // In UTC the same instant still has an hour of Friday.
    expect(new Date(addWorkingDays(at("2026-12-04T23:00:00Z"), 2, "UTC")).toISOString()).toBe(
      "2026-12-08T23:00:00.000Z",
    );
  });

  it("keeps the local time across a DST change (New York, 1 November 2026)", () => {
    // Friday 30 October 09:00 EDT (13:00 UTC) → Tuesday 3 November 09:00 EST (14:00 UTC).
    const due = addWorkingDays(at("2026-10-30T13:00:00Z"), 2, "America/New_York");
    expect(new Date(due).toISOString()).toBe("2026-11-03T14:00:00.000Z");
  });

  it("zero days is now on a weekday, and a bad count is refused", () => {
    expect(addWorkingDays(at("2026-12-01T10:00:00Z"), 0, "UTC")).toBe(at("2026-12-01T10:00:00Z"));
    expect(() => addWorkingDays(0, -1, "UTC")).toThrow();
  });
});
