// Reading what scoring needs: the rules, and each lead's profile, stage and ledger.
import type { Db } from "../../env";
import {
  readDecayState,
  readScoringState,
  type ScoringLead,
  type ScoringState,
} from "../../store/leads";
import type { Profile, RuleDef } from "./rules";
import type { LedgerEntry } from "./reconcile";

export interface LeadScoringState {
  id: number;
  profile: Profile;
  stage: ScoringLead["stage"];
  mqlAt: number | null;
  score: number;
  scoreVersion: number;
  scoredAt: number | null;
  ledger: LedgerEntry[];
}

export function toRuleDef(r: ScoringState["rules"][number]): RuleDef {
  return {
    id: r.id,
    kind: r.kind,
    field: r.field,
    match: r.match,
    points: r.points,
    cap: r.cap,
    halfLifeDays: r.halfLifeDays,
    label: r.label,
    active: r.active,
  };
}

function assemble(
  leads: ScoringLead[],
  ledger: ScoringState["ledger"],
): Map<number, LeadScoringState> {
  const out = new Map<number, LeadScoringState>();
  for (const l of leads) {
    out.set(l.id, {
      id: l.id,
      profile: {
        email: l.email,
        jobTitle: l.jobTitle,
        companySize: l.companySize,
        country: l.country,
        phone: l.phone,
      },
      stage: l.stage,
      mqlAt: l.mqlAt,
      score: l.score,
      scoreVersion: l.scoreVersion,
      scoredAt: l.scoredAt,
      ledger: [],
    });
  }
  for (const r of ledger)
    out.get(r.leadId)?.ledger.push({ ruleId: r.ruleId, kind: r.kind, points: r.points, at: r.at });
  return out;
}

/**
 * The rules as last read in this isolate, under the version they were read at. Every rule write stores a new
 * version in the same transaction (store/score-rules.ts), and every scoring reads the version in the same
 * batch as its lead, so an edit applies from the next event on. Without a stored version nothing is cached.
 */
let cached: { version: string; rules: RuleDef[] } | null = null;

function rulesOf(state: ScoringState): RuleDef[] {
  if (state.rulesVersion !== null && state.rulesVersion === cached?.version) return cached.rules;
  const rules = state.rules.map(toRuleDef);
  cached = state.rulesVersion === null ? null : { version: state.rulesVersion, rules };
  return rules;
}

/** One lead (if it exists and was not erased), with every rule: one D1 round trip. */
export async function loadLeadForScoring(
  db: Db,
  leadId: number,
): Promise<{ rules: RuleDef[]; lead: LeadScoringState | null }> {
  const state = await readScoringState(db, leadId, cached?.version ?? null);
  return { rules: rulesOf(state), lead: assemble(state.leads, state.ledger).get(leadId) ?? null };
}

/**
 * The leads with behaviour points in an id range, for the daily decay pass: reads the range's lead
 * rows through the primary key and only the ledger rows of leads that have something to decay.
 */
export async function loadRangeForDecay(
  db: Db,
  fromId: number,
  toId: number,
): Promise<{ rules: RuleDef[]; leads: LeadScoringState[] }> {
  const state = await readDecayState(db, fromId, toId, cached?.version ?? null);
  return { rules: rulesOf(state), leads: [...assemble(state.leads, state.ledger).values()] };
}
