// Routing rules: which team an MQL goes to (first matching rule wins) and whose turn it is in that team.
import type { RoutingMatch } from "../vocabulary";

export interface RoutingRuleDef {
  id: number;
  position: number;
  match: RoutingMatch;
  /** Values compared case-insensitively: ISO countries (CN, US), company sizes (51-200), asset ids as text. */
  values: string[];
  /** Person ids in turn order. */
  team: number[];
}

export interface RoutingFacts {
  country: string | null;
  companySize: string | null;
  /** Every asset the lead came through (first touch first). */
  assetIds: number[];
}

const norm = (v: string) => v.trim().toLowerCase();

function matches(rule: RoutingRuleDef, facts: RoutingFacts): boolean {
  const values = new Set(rule.values.map(norm));
  switch (rule.match) {
    case "default":
      return true;
    case "country":
      return facts.country !== null && values.has(norm(facts.country));
    case "company_size":
      return facts.companySize !== null && values.has(norm(facts.companySize));
    case "asset":
      return facts.assetIds.some((id) => values.has(String(id)));
  }
}

/** The first rule (by position, then id) that matches the lead; null when none does. */
export function matchRule(rules: RoutingRuleDef[], facts: RoutingFacts): RoutingRuleDef | null {
  const ordered = [...rules].sort((a, b) => a.position - b.position || a.id - b.id);
  return ordered.find((r) => matches(r, facts)) ?? null;
}

/**
 * Whose turn number `turn` (1, 2, 3, …, as the rule's counter hands them out) is among the people who can
 * take leads now: turn 1 → first, 4 → first again with three. Null when nobody in the team can.
 */
export function personForTurn(team: number[], eligible: Set<number>, turn: number): number | null {
  const able = team.filter((id) => eligible.has(id));
  if (!able.length) return null;
  return able[(((turn - 1) % able.length) + able.length) % able.length]!;
}

/**
 * The next person after `current` in the team (in turn order, wrapping), skipping anyone not eligible and
 * anyone in `tried`; null once everyone eligible has had the lead.
 */
export function nextInTeam(
  team: number[],
  eligible: Set<number>,
  current: number | null,
  tried: Set<number>,
): number | null {
  const start = current === null ? -1 : team.indexOf(current);
  for (let k = 1; k <= team.length; k++) {
    const id = team[(start + k + team.length) % team.length]!;
    if (eligible.has(id) && !tried.has(id)) return id;
  }
  return null;
}
