import { describe, it, expect } from "vitest";
import {
  mqlThresholdReason,
  readStageReason,
  salesOutcomeReason,
} from "../../src/domain/stage-reasons";
import { DEFAULT_RULES } from "../../src/services/scoring/default-rules";
import { DEFAULT_RULE_LABELS_ZH } from "../../templates/admin/messages/lead-words";

describe("stage reasons read back into their parts", () => {
  it.each([
    [mqlThresholdReason(55, 50), { kind: "mql_threshold", score: 55, threshold: 50 }],
    [salesOutcomeReason("won"), { kind: "sales_outcome", outcome: "won", note: null }],
    [
      salesOutcomeReason("lost", "went with a competitor: cheaper"),
      { kind: "sales_outcome", outcome: "lost", note: "went with a competitor: cheaper" },
    ],
    ["Moved by hand", { kind: "text", text: "Moved by hand" }],
    ["Sales reported maybe", { kind: "text", text: "Sales reported maybe" }],
  ])("%j", (text, parts) => expect(readStageReason(text)).toEqual(parts));
});

describe("the default rules in Chinese", () => {
  it("every default rule's label has Chinese words on the lead page", () => {
    const missing = DEFAULT_RULES.map((r) => r.label).filter((l) => !DEFAULT_RULE_LABELS_ZH[l]);
    expect(missing).toEqual([]);
  });
});
