import { describe, expect, it } from "vitest";
import { nurtureEntries, type LeadNurtureFacts } from "../../src/domain/nurture-state";
import type { EnrolmentStatus } from "../../src/db/schema";

const enrolment = (status: EnrolmentStatus, stoppedReason: string | null = null) => ({
  sequenceId: 1,
  sequenceName: "Drip",
  assetId: 7,
  status,
  nextDueAt: status === "active" || status === "pending_optin" ? 1_000 : null,
  stoppedReason,
});
const offered = (lastTouchAt = 500) => ({
  sequenceId: 2,
  sequenceName: "Other",
  assetId: 8,
  lastTouchAt,
});
const lead = (over: Partial<LeadNurtureFacts> = {}): LeadNurtureFacts => ({
  marketingConsent: "given",
  consentAt: 100,
  suppression: null,
  ...over,
});

describe("a lead's standing on a sequence it is enrolled in", () => {
  it.each([
    ["active", null, "enrolled", null, 1_000],
    ["pending_optin", null, "not_enrolled", "pending_optin", 1_000],
    ["completed", null, "completed", null, null],
    ["stopped", "unsubscribed", "stopped", "unsubscribed", null],
    ["stopped", "bounced", "stopped", "suppressed", null],
    ["stopped", "complained", "stopped", "suppressed", null],
    ["stopped", "erased", "stopped", "erased", null],
  ] as const)("%s (%s) is %s, %s", (status, stopped, state, reason, next) => {
    expect(nurtureEntries([enrolment(status, stopped)], [], lead())).toEqual([
      { sequenceId: 1, sequenceName: "Drip", assetId: 7, state, reason, nextStepAt: next },
    ]);
  });
});

describe("why a lead is not on a sequence its asset starts", () => {
  it.each([
    [
      "no capture said anything about marketing",
      lead({ marketingConsent: null, consentAt: null }),
      "no_consent",
    ],
    ["they opted out", lead({ marketingConsent: "declined" }), "opted_out"],
    ["they unsubscribed", lead({ suppression: "unsubscribed" }), "unsubscribed"],
    ["their address bounced", lead({ suppression: "bounced" }), "suppressed"],
    ["their data was erased", lead({ suppression: "erased" }), "erased"],
    ["they consented after this asset", lead({ consentAt: 900 }), "consent_given_later"],
    [
      "they consented, then the sequence came",
      lead({ consentAt: 100 }),
      "captured_before_sequence",
    ],
  ] as const)("%s: %s", (_why, facts, reason) => {
    const [entry] = nurtureEntries([], [offered(500)], facts);
    expect(entry).toMatchObject({ sequenceId: 2, state: "not_enrolled", reason, nextStepAt: null });
  });

  it("lists a sequence once, by its enrolment when there is one, else by the asset came through last", () => {
    const entries = nurtureEntries(
      [enrolment("active")],
      [
        { sequenceId: 1, sequenceName: "Drip", assetId: 7, lastTouchAt: 10 },
        { sequenceId: 2, sequenceName: "Other", assetId: 8, lastTouchAt: 10 },
        { sequenceId: 2, sequenceName: "Other", assetId: 9, lastTouchAt: 20 },
      ],
      lead({ marketingConsent: null }),
    );
    expect(entries.map((e) => [e.sequenceId, e.assetId, e.state])).toEqual([
      [1, 7, "enrolled"],
      [2, 9, "not_enrolled"],
    ]);
  });
});
