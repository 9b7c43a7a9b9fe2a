// "How many leads would qualify?": the rules as they are or with one change, and a threshold, applied to the
// open leads exactly as their next scoring would (planScore, decay included). Reads; writes nothing.
import type { Db } from "../../env";
import { AppError } from "../../errors";
import { readPreviewState } from "../../store/leads";
import { listRules, checkRule, type RuleInput } from "./rules-store";
import { toRuleDef } from "./state";
import { planScore, type LedgerEntry } from "./reconcile";
import type { RuleDef } from "./rules";

/** One change to try: a rule edited, added or deleted. */
export type RuleChange =
  | { kind: "edit"; id: number; patch: Partial<Omit<RuleInput, "kind">> }
  | { kind: "add"; rule: RuleInput }
  | { kind: "delete"; id: number };

/**
 * At most this many open leads are scored per preview, highest scores first: the ones a threshold reaches
 * first. Below them a change must add more points than the gap to qualify anyone, and the answer says so.
 */
export const PREVIEW_LEADS = 5_000;

export interface QualificationPreview {
  threshold: number;
  /** Leads never yet MQL (stage lead, scored, not erased), and how many of them were scored here. */
  openLeads: number;
  examined: number;
  /** Every open lead was scored: the counts are exact. Otherwise, the lowest score examined. */
  exact: boolean;
  lowestExamined: number | null;
  /** Already MQLs: a lead qualifies once, so no change of rules or threshold takes that back. */
  mqls: number;
  /** Open leads at or over the threshold at their next scoring, with the rules as they are. */
  qualifyWithRules: number;
  /** The same with the change applied (equal to the above when there is none). */
  qualifyWithChange: number;
}

/** The rules with the change applied; a draft that would not save is refused as saving would refuse it. */
export function rulesWithChange(rules: RuleDef[], change: RuleChange | null): RuleDef[] {
  if (!change) return rules;
  if (change.kind === "add") {
    checkRule(change.rule);
    const id = -1; // a rule not yet stored: no ledger row carries its id
    return [
      ...rules,
      {
        id,
        kind: change.rule.kind,
        field: change.rule.field,
        match: change.rule.match,
        points: change.rule.points,
        cap: change.rule.cap ?? null,
        halfLifeDays: change.rule.halfLifeDays ?? null,
        label: change.rule.label,
        active: change.rule.active ?? true,
      },
    ];
  }
  const current = rules.find((r) => r.id === change.id);
  if (!current) throw new AppError("NOT_FOUND", "No score rule has this id");
  if (change.kind === "delete") return rules.filter((r) => r.id !== change.id);
  const next: RuleDef = {
    ...current,
    ...Object.fromEntries(Object.entries(change.patch).filter(([, v]) => v !== undefined)),
  };
  checkRule(next);
  return rules.map((r) => (r.id === change.id ? next : r));
}

export async function previewQualification(
  db: Db,
  input: { threshold: number; change: RuleChange | null },
  now: number,
  limit = PREVIEW_LEADS,
): Promise<QualificationPreview> {
  const rules = (await listRules(db)).map(toRuleDef);
  const changed = rulesWithChange(rules, input.change);
  const state = await readPreviewState(db, limit);
  const ledgers = new Map<number, LedgerEntry[]>();
  for (const r of state.ledger) {
    const list = ledgers.get(r.leadId) ?? [];
    list.push({ ruleId: r.ruleId, kind: r.kind, points: r.points, at: r.at });
    ledgers.set(r.leadId, list);
  }
  const count = (set: RuleDef[]) =>
    state.leads.filter(
      (l) =>
        planScore({
          rules: set,
          profile: {
            email: l.email,
            jobTitle: l.jobTitle,
            companySize: l.companySize,
            country: l.country,
            phone: l.phone,
          },
          ledger: ledgers.get(l.id) ?? [],
          events: [],
          lead: { stage: l.stage, mqlAt: l.mqlAt },
          threshold: input.threshold,
          now,
        }).qualifies,
    ).length;
  const withRules = count(rules);
  return {
    threshold: input.threshold,
    openLeads: state.openLeads,
    examined: state.leads.length,
    exact: state.leads.length >= state.openLeads,
    lowestExamined: state.leads.at(-1)?.score ?? null,
    mqls: state.mqls,
    qualifyWithRules: withRules,
    qualifyWithChange: input.change ? count(changed) : withRules,
  };
}
