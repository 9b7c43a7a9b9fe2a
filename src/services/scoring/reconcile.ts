// The scoring plan for one lead: ledger rows that bring each rule's contribution to what it should be now.
import type { LedgerKind, Stage } from "../../db/schema";
import { fitMatches, eventMatches, type Profile, type RuleDef, type ScoringEvent } from "./rules";
import { ruleValue } from "./decay";

export interface LedgerEntry {
  ruleId: number | null;
  kind: LedgerKind;
  points: number;
  at: number;
}

export interface LedgerDraft extends LedgerEntry {
  reason: string;
}

export interface ScorePlan {
  drafts: LedgerDraft[];
  fitScore: number;
  behaviourScore: number;
  score: number;
  /** The score rose to the threshold for the first time: the lead becomes an MQL now. */
  qualifies: boolean;
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

function describe(e: ScoringEvent): string {
  const url = typeof e.data?.url === "string" ? ` ${e.data.url.slice(0, 200)}` : "";
  const title =
    typeof e.data?.asset_title === "string" ? ` "${e.data.asset_title.slice(0, 120)}"` : "";
  return `${e.type.replace(/_/g, " ")}${title}${url}`;
}

/** Whether a lead at `stage` that was never an MQL becomes one with `score`. MQL happens once. */
export function qualifiesNow(
  lead: { stage: Stage; mqlAt: number | null },
  score: number,
  threshold: number,
): boolean {
  return lead.mqlAt === null && lead.stage === "lead" && score >= threshold;
}

/**
 * Reconciles the ledger with the rules at `now`, after awarding `events` (new, not yet in the ledger).
 * Fit: each rule contributes its points while the profile matches. Behaviour: each matching event is an
 * award at full points; a decay or cap row then brings the rule to its decayed, capped value.
 * Rules turned off or deleted are brought back to zero. The ledger's sum is the score, always.
 */
export function planScore(input: {
  rules: RuleDef[];
  profile: Profile;
  ledger: LedgerEntry[];
  events: ScoringEvent[];
  lead: { stage: Stage; mqlAt: number | null };
  threshold: number;
  now: number;
}): ScorePlan {
  const { rules, profile, ledger, events, now } = input;
  const drafts: LedgerDraft[] = [];
  const sumOf = (ruleId: number) =>
    ledger.filter((l) => l.ruleId === ruleId).reduce((s, l) => s + l.points, 0);
  const active = rules.filter((r) => r.active);

  for (const rule of active.filter((r) => r.kind === "fit")) {
    const target = fitMatches(rule, profile) ? rule.points : 0;
    const delta = target - sumOf(rule.id);
    if (delta)
      drafts.push({
        ruleId: rule.id,
        kind: "fit",
        points: delta,
        at: now,
        reason: `${rule.label} (${signed(delta)})${target === 0 ? ": no longer matches" : ""}`,
      });
  }

  for (const rule of active.filter((r) => r.kind === "behaviour")) {
    const hits = events.filter((e) => eventMatches(rule, e));
    const fresh: LedgerDraft[] = hits.map((e) => ({
      ruleId: rule.id,
      kind: "award",
      points: rule.points,
      at: Math.min(e.at, now),
      reason: `${rule.label}: ${describe(e)} (${signed(rule.points)})`,
    }));
    drafts.push(...fresh);
    const awards = [...ledger.filter((l) => l.ruleId === rule.id && l.kind === "award"), ...fresh];
    if (!awards.length && sumOf(rule.id) === 0) continue;
    const { value, capped } = ruleValue(awards, rule.halfLifeDays, rule.cap, now);
    const current = sumOf(rule.id) + fresh.reduce((s, d) => s + d.points, 0);
    const delta = value - current;
    if (!delta) continue;
    const kind: LedgerKind = capped ? "cap" : "decay";
    const reason = capped
      ? `${rule.label}: capped at ${rule.cap} (${signed(delta)})`
      : `${rule.label}: points fade with a ${rule.halfLifeDays}-day half-life (${signed(delta)})`;
    drafts.push({ ruleId: rule.id, kind, points: delta, at: now, reason });
  }

  // Contributions of rules that were turned off or deleted go back to zero.
  const activeIds = new Set(active.map((r) => r.id));
  const orphanIds = [
    ...new Set(
      ledger.map((l) => l.ruleId).filter((id): id is number => id !== null && !activeIds.has(id)),
    ),
  ];
  for (const ruleId of orphanIds) {
    const current = sumOf(ruleId);
    if (current) {
      const wasFit = ledger.some((l) => l.ruleId === ruleId && l.kind === "fit");
      drafts.push({
        ruleId,
        kind: wasFit ? "fit" : "rule",
        points: -current,
        at: now,
        reason: `Rule #${ruleId} was turned off or removed (${signed(-current)})`,
      });
    }
  }

  const all = [...ledger, ...drafts];
  const fitScore = all.filter((l) => l.kind === "fit").reduce((s, l) => s + l.points, 0);
  const score = all.reduce((s, l) => s + l.points, 0);
  return {
    drafts,
    fitScore,
    behaviourScore: score - fitScore,
    score,
    qualifies: qualifiesNow(input.lead, score, input.threshold),
  };
}

/** The rules that explain a score best: net points per rule, largest first. */
export function topReasons(
  ledger: (LedgerEntry & { reason?: string })[],
  rules: Pick<RuleDef, "id" | "label">[],
  limit = 5,
): { rule_id: number | null; label: string; points: number }[] {
  const byRule = new Map<number | null, number>();
  for (const l of ledger) byRule.set(l.ruleId, (byRule.get(l.ruleId) ?? 0) + l.points);
  const label = (id: number | null) =>
    rules.find((r) => r.id === id)?.label ?? (id === null ? "Other" : `Rule #${id}`);
  return [...byRule.entries()]
    .filter(([, p]) => p !== 0)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || (a[0] ?? 0) - (b[0] ?? 0))
    .slice(0, limit)
    .map(([id, points]) => ({ rule_id: id, label: label(id), points }));
}
