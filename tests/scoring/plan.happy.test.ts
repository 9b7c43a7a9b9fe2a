import { describe, it, expect } from "vitest";
import {
  planScore,
  qualifiesNow,
  topReasons,
  type LedgerEntry,
} from "../../src/services/scoring/reconcile";
import type { Profile, RuleDef, ScoringEvent } from "../../src/services/scoring/rules";
import type { Stage } from "../../src/db/schema";

const DAY = 86_400_000;
const NOW = 1_000 * DAY;
const rule = (over: Partial<RuleDef> & Pick<RuleDef, "id" | "kind" | "field">): RuleDef => ({
  match: [],
  points: 10,
  cap: null,
  halfLifeDays: null,
  label: `rule ${over.id}`,
  active: true,
  ...over,
});

const RULES: RuleDef[] = [
  rule({
    id: 1,
    kind: "fit",
    field: "job_title_keyword",
    match: ["director"],
    points: 15,
    label: "Senior title",
  }),
  rule({
    id: 2,
    kind: "fit",
    field: "free_mail",
    match: ["gmail.com"],
    points: -10,
    label: "Free mail",
  }),
  rule({
    id: 3,
    kind: "behaviour",
    field: "event",
    match: ["downloaded"],
    points: 10,
    cap: 20,
    halfLifeDays: 10,
    label: "Download",
  }),
  rule({
    id: 4,
    kind: "behaviour",
    field: "event",
    match: ["email_clicked"],
    points: 5,
    halfLifeDays: null,
    label: "Click",
  }),
];
const ann: Profile = {
  email: "ann@acme.com",
  jobTitle: "Director",
  companySize: null,
  country: null,
  phone: null,
};
const fresh: { stage: Stage; mqlAt: number | null } = { stage: "lead", mqlAt: null };

function apply(
  ledger: LedgerEntry[],
  events: ScoringEvent[],
  now: number,
  opts: { rules?: RuleDef[]; profile?: Profile; threshold?: number; lead?: typeof fresh } = {},
) {
  const plan = planScore({
    rules: opts.rules ?? RULES,
    profile: opts.profile ?? ann,
    ledger,
    events,
    lead: opts.lead ?? fresh,
    threshold: opts.threshold ?? 1000,
    now,
  });
  return { plan, ledger: [...ledger, ...plan.drafts] };
}
const sum = (l: LedgerEntry[]) => l.reduce((s, x) => s + x.points, 0);

describe("a lead's score is the sum of its ledger", () => {
  it.each([
    ["fit alone", ann, [], 15],
    ["a free-mail address takes points away", { ...ann, email: "ann@gmail.com" }, [], 5],
    ["a download adds its points", ann, [{ type: "downloaded", at: NOW }], 25],
    [
      "downloads stop adding at the cap",
      ann,
      [1, 2, 3].map(() => ({ type: "downloaded", at: NOW })),
      35,
    ],
    ["events no rule cares about change nothing", ann, [{ type: "email_sent", at: NOW }], 15],
  ] as const)("%s", (_what, profile, events, score) => {
    const { plan, ledger } = apply([], [...events], NOW, { profile });
    expect(plan.score).toBe(score);
    expect(sum(ledger)).toBe(score);
    expect(plan.fitScore + plan.behaviourScore).toBe(score);
  });

  it("every row carries its rule and a reason a person can read", () => {
    const { plan } = apply(
      [],
      [1, 2, 3].map(() => ({ type: "downloaded", at: NOW })),
      NOW,
    );
    expect(plan.drafts.map((d) => [d.ruleId, d.kind, d.points])).toEqual([
      [1, "fit", 15],
      [3, "award", 10],
      [3, "award", 10],
      [3, "award", 10],
      [3, "cap", -10],
    ]);
    expect(plan.drafts[4]!.reason).toBe("Download: capped at 20 (-10)");
  });

  it("behaviour fades day by day and the ledger keeps up, fit does not fade", () => {
    let { ledger } = apply([], [{ type: "downloaded", at: NOW }], NOW);
    for (const days of [10, 20, 30]) {
      const step = apply(ledger, [], NOW + days * DAY);
      ledger = step.ledger;
      expect(step.plan.score).toBe(15 + Math.round(10 * 0.5 ** (days / 10)));
      expect(sum(ledger)).toBe(step.plan.score);
    }
    expect(ledger.filter((l) => l.kind === "decay").length).toBeGreaterThan(0);
  });

  it("recomputing at the same moment writes nothing", () => {
    const { ledger } = apply([], [{ type: "downloaded", at: NOW }], NOW);
    expect(apply(ledger, [], NOW + DAY).plan.drafts.length).toBeGreaterThan(0);
    const again = apply(ledger, [], NOW);
    expect(again.plan.drafts).toEqual([]);
  });

  it("a profile that stops matching gives its fit points back", () => {
    const { ledger } = apply([], [], NOW);
    const { plan } = apply(ledger, [], NOW, { profile: { ...ann, jobTitle: "Intern" } });
    expect(plan.drafts).toEqual([expect.objectContaining({ ruleId: 1, kind: "fit", points: -15 })]);
    expect(plan.score).toBe(0);
  });

  it("a rule turned off brings its contribution back to zero", () => {
    const { ledger } = apply([], [{ type: "email_clicked", at: NOW }], NOW);
    const rules = RULES.map((r) => (r.id === 4 ? { ...r, active: false } : r));
    const { plan } = apply(ledger, [], NOW, { rules });
    expect(plan.drafts).toEqual([expect.objectContaining({ ruleId: 4, kind: "rule", points: -5 })]);
    expect(plan.score).toBe(15);
  });
});

describe("crossing the MQL threshold", () => {
  it.each([
    ["below the threshold", "lead", null, 49, false],
    ["at the threshold", "lead", null, 50, true],
    ["already an MQL once", "lead", NOW - DAY, 80, false],
    ["already accepted by sales", "sql", null, 80, false],
    ["disqualified", "disqualified", null, 80, false],
  ] as const)("%s", (_what, stage, mqlAt, score, expected) => {
    expect(qualifiesNow({ stage, mqlAt }, score, 50)).toBe(expected);
  });

  it("happens on the event that crosses, and not again on the next one", () => {
    const first = apply([], [{ type: "email_clicked", at: NOW }], NOW, { threshold: 20 });
    expect(first.plan.qualifies).toBe(true);
    const second = apply(first.ledger, [{ type: "email_clicked", at: NOW }], NOW, {
      threshold: 20,
      lead: { stage: "mql", mqlAt: NOW },
    });
    expect(second.plan.qualifies).toBe(false);
    expect(second.plan.score).toBe(25);
  });
});

describe("top reasons", () => {
  it("nets each rule's rows and orders by size", () => {
    const ledger: LedgerEntry[] = [
      { ruleId: 3, kind: "award", points: 10, at: 0 },
      { ruleId: 3, kind: "decay", points: -4, at: 0 },
      { ruleId: 1, kind: "fit", points: 15, at: 0 },
      { ruleId: 2, kind: "fit", points: -10, at: 0 },
      { ruleId: 4, kind: "award", points: 5, at: 0 },
      { ruleId: 4, kind: "rule", points: -5, at: 0 },
    ];
    expect(topReasons(ledger, RULES)).toEqual([
      { rule_id: 1, label: "Senior title", points: 15 },
      { rule_id: 2, label: "Free mail", points: -10 },
      { rule_id: 3, label: "Download", points: 6 },
    ]);
  });
});
