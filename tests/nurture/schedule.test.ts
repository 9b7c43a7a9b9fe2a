import { describe, it, expect } from "vitest";
import { deferToWindow, isInWindow, stepDueAt } from "../../src/services/nurture/schedule";
import { skipReason } from "../../src/services/nurture/conditions";
import { leadTimeZone } from "../../src/services/nurture/lead-time-zone";
import type { SendWindow } from "../../src/db/schema";

const businessHours: SendWindow = {
  days: [1, 2, 3, 4, 5],
  startHour: 9,
  endHour: 17,
  timezone: "lead",
};
const at = (iso: string) => Date.parse(iso);

describe("send windows defer, never drop", () => {
  it.each([
    ["inside the window stays as it is", "2026-03-04T10:30:00Z", "UTC", "2026-03-04T10:30:00Z"],
    [
      "before opening waits for 09:00 the same day",
      "2026-03-04T06:15:00Z",
      "UTC",
      "2026-03-04T09:00:00Z",
    ],
    [
      "after closing waits for 09:00 the next day",
      "2026-03-04T17:00:00Z",
      "UTC",
      "2026-03-05T09:00:00Z",
    ],
    [
      "Friday evening waits for Monday morning",
      "2026-03-06T18:00:00Z",
      "UTC",
      "2026-03-09T09:00:00Z",
    ],
    ["Saturday waits for Monday morning", "2026-03-07T11:00:00Z", "UTC", "2026-03-09T09:00:00Z"],
    [
      "in Shanghai, 02:00 UTC is 10:00 local and inside",
      "2026-03-04T02:00:00Z",
      "Asia/Shanghai",
      "2026-03-04T02:00:00Z",
    ],
    [
      "in Shanghai, 10:00 UTC is 18:00 local: next day 09:00 local",
      "2026-03-04T10:00:00Z",
      "Asia/Shanghai",
      "2026-03-05T01:00:00Z",
    ],
    [
      "in New York across the spring DST change",
      "2026-03-07T15:00:00Z",
      "America/New_York",
      "2026-03-09T13:00:00Z",
    ],
  ])("%s", (_name, from, tz, expected) => {
    const due = deferToWindow(at(from), businessHours, tz);
    expect(new Date(due).toISOString()).toBe(new Date(at(expected)).toISOString());
    expect(isInWindow(due, businessHours, tz)).toBe(true);
  });

  it("refuses a window that can never open", () => {
    expect(() =>
      deferToWindow(Date.now(), { days: [], startHour: 9, endHour: 17, timezone: "lead" }, "UTC"),
    ).toThrow();
  });
});

describe("step due times", () => {
  const clock = {
    startedAt: at("2026-03-02T08:00:00Z"),
    sessionStartsAt: at("2026-03-10T14:00:00Z"),
    timeZone: "UTC",
  };
  it.each([
    [
      "two days after enrolment",
      { anchor: "enrolment" as const, delayMinutes: 2 * 24 * 60, sendWindow: null },
      "2026-03-04T08:00:00Z",
    ],
    [
      "24 hours before the session",
      { anchor: "session_start" as const, delayMinutes: -24 * 60, sendWindow: null },
      "2026-03-09T14:00:00Z",
    ],
    [
      "1 hour before the session",
      { anchor: "session_start" as const, delayMinutes: -60, sendWindow: null },
      "2026-03-10T13:00:00Z",
    ],
    [
      "a day after the session, inside business hours",
      {
        anchor: "session_start" as const,
        delayMinutes: 24 * 60 + 5 * 60,
        sendWindow: businessHours,
      },
      "2026-03-12T09:00:00Z",
    ],
  ])("%s", (_name, step, expected) => {
    expect(new Date(stepDueAt(step, clock)!).toISOString()).toBe(
      new Date(at(expected)).toISOString(),
    );
  });

  it("a session step without a session has no due time", () => {
    expect(
      stepDueAt(
        { anchor: "session_start", delayMinutes: -60, sendWindow: null },
        { ...clock, sessionStartsAt: null },
      ),
    ).toBeNull();
  });
});

describe("step conditions", () => {
  const none = { downloaded: false, clickedEarlierStep: false, qualified: false };
  it.each([
    [{ skipIfDownloaded: true }, { ...none, downloaded: true }, "already_downloaded"],
    [{ skipIfClicked: true }, { ...none, clickedEarlierStep: true }, "already_clicked"],
    [{ skipIfQualified: true }, { ...none, qualified: true }, "already_qualified"],
    [{ skipIfDownloaded: true }, { ...none, clickedEarlierStep: true, qualified: true }, null],
    [{}, { downloaded: true, clickedEarlierStep: true, qualified: true }, null],
  ])("%j with %j → %s", (conditions, facts, expected) => {
    expect(skipReason(conditions, facts)).toBe(expected);
  });
});

describe("a lead's timezone", () => {
  it.each([
    ["CN", "UTC", "Asia/Shanghai"],
    ["us", "UTC", "America/New_York"],
    [null, "Europe/London", "Europe/London"],
    ["XX", "Not/AZone", "UTC"],
  ])("country %s with asset zone %s → %s", (country, fallback, expected) => {
    expect(leadTimeZone(country, fallback)).toBe(expected);
  });
});
