// Reading what scoring needs: the rules, and each lead's profile, stage and ledger.
import { sql } from "drizzle-orm";
import type { Db } from "../../env";
import type { LedgerKind, Stage } from "../../db/schema";
import { batch } from "../../store/batch";
import type { Profile, RuleDef } from "./rules";
import type { LedgerEntry } from "./reconcile";

export interface LeadScoringState {
  id: number;
  profile: Profile;
  stage: Stage;
  mqlAt: number | null;
  score: number;
  scoreVersion: number;
  scoredAt: number | null;
  ledger: LedgerEntry[];
}

type LeadRow = { id: number; email: string; job_title: string | null; company_size: string | null; country: string | null; phone: string | null; stage: Stage; mql_at: number | null; score: number; score_version: number; scored_at: number | null };
type LedgerRow = { lead_id: number; rule_id: number | null; kind: LedgerKind; points: number; at: number };
type RuleRow = { id: number; kind: "fit" | "behaviour"; field: string; match: string; points: number; cap: number | null; half_life_days: number | null; label: string; active: number };

const LEAD_COLUMNS = sql`id, email, job_title, company_size, country, phone, stage, mql_at, score, score_version, scored_at`;

export function toRuleDef(r: RuleRow): RuleDef {
  return { id: r.id, kind: r.kind, field: r.field, match: JSON.parse(r.match) as string[], points: r.points, cap: r.cap, halfLifeDays: r.half_life_days, label: r.label, active: !!r.active };
}

function assemble(leads: LeadRow[], ledger: LedgerRow[]): Map<number, LeadScoringState> {
  const out = new Map<number, LeadScoringState>();
  for (const l of leads) {
    out.set(l.id, {
      id: l.id,
      profile: { email: l.email, jobTitle: l.job_title, companySize: l.company_size, country: l.country, phone: l.phone },
      stage: l.stage,
      mqlAt: l.mql_at,
      score: l.score,
      scoreVersion: l.score_version,
      scoredAt: l.scored_at,
      ledger: [],
    });
  }
  for (const r of ledger) out.get(r.lead_id)?.ledger.push({ ruleId: r.rule_id, kind: r.kind, points: r.points, at: r.at });
  return out;
}

/** One lead (if it exists and was not erased), with every rule: one D1 round trip. */
export async function loadLeadForScoring(db: Db, leadId: number): Promise<{ rules: RuleDef[]; lead: LeadScoringState | null }> {
  const [rules, leads, ledger] = await batch(db, [
    sql`SELECT id, kind, field, match, points, cap, half_life_days, label, active FROM score_rules`,
    sql`SELECT ${LEAD_COLUMNS} FROM leads WHERE id = ${leadId} AND erased_at IS NULL`,
    sql`SELECT lead_id, rule_id, kind, points, at FROM score_ledger WHERE lead_id = ${leadId}`,
  ]);
  const state = assemble(leads!.results as LeadRow[], ledger!.results as LedgerRow[]);
  return { rules: (rules!.results as RuleRow[]).map(toRuleDef), lead: state.get(leadId) ?? null };
}

/**
 * The leads with behaviour points in an id range, for the daily decay pass: reads the range's lead
 * rows through the primary key and only the ledger rows of leads that have something to decay.
 */
export async function loadRangeForDecay(db: Db, fromId: number, toId: number): Promise<{ rules: RuleDef[]; leads: LeadScoringState[] }> {
  const [rules, leads, ledger] = await batch(db, [
    sql`SELECT id, kind, field, match, points, cap, half_life_days, label, active FROM score_rules`,
    sql`SELECT ${LEAD_COLUMNS} FROM leads WHERE id BETWEEN ${fromId} AND ${toId} AND behaviour_score != 0 AND erased_at IS NULL`,
    sql`
      SELECT s.lead_id, s.rule_id, s.kind, s.points, s.at FROM leads d JOIN score_ledger s ON s.lead_id = d.id
      WHERE d.id BETWEEN ${fromId} AND ${toId} AND d.behaviour_score != 0 AND d.erased_at IS NULL`,
  ]);
  const state = assemble(leads!.results as LeadRow[], ledger!.results as LedgerRow[]);
  return { rules: (rules!.results as RuleRow[]).map(toRuleDef), leads: [...state.values()] };
}
