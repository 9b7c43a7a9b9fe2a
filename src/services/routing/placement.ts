// Placing a new MQL: the first matching rule's team, whose turn it is, and the acceptance deadline.
import type { SQL } from "drizzle-orm";
import type { Db } from "../../env";
import { listRoutingRules, takeTurn } from "../../store/routing-rules";
import { firstPlacement, type Placement } from "../../store/leads";
import { assetIdsOfLead } from "../../store/touches";
import { matchRule, personForTurn } from "../../domain/routing/rules";
import { addWorkingDays } from "../../domain/routing/working-days";
import type { RoutedMessage } from "../../queue/messages";
import { ACCEPT_WORKING_DAYS, loadRoster, workspaceTimeZone } from "./team";

export type { Placement };
/** A placement with its owner as webhook payloads name them. */
export type PlannedPlacement = Placement & {
  owner: { id: number; name: string | null; email: string } | null;
};

/**
 * Where a lead that is about to become an MQL goes, or null when no rule matches (no rules: no routing).
 * Takes the rule's turn before the qualification batch (the turn is one atomic UPDATE, see takeTurn): if
 * that batch then finds the lead an MQL already (a retry, a second worker) the turn is spent for nothing,
 * which makes the next person's turn come one lead early, never two people own one lead.
 */
export async function planPlacement(
  db: Db,
  lead: { id: number; country: string | null; companySize: string | null },
  now: number,
): Promise<PlannedPlacement | null> {
  const rules = await listRoutingRules(db);
  if (!rules.length) return null;
  const assetIds = rules.some((r) => r.match === "asset") ? await assetIdsOfLead(db, lead.id) : [];
  const rule = matchRule(rules, { ...lead, assetIds });
  if (!rule) return null;
  const roster = await loadRoster(db);
  const turn = await takeTurn(db, rule.id);
  const ownerId = turn === undefined ? null : personForTurn(rule.team, roster.owners, turn);
  if (ownerId === null)
    return { ownerId: null, ruleId: rule.id, acceptBy: null, flagged: true, owner: null };
  const acceptBy = addWorkingDays(now, ACCEPT_WORKING_DAYS, await workspaceTimeZone(db));
  const p = roster.byId.get(ownerId)!;
  const owner = { id: p.id, name: p.name, email: p.email };
  return { ownerId, ruleId: rule.id, acceptBy, flagged: false, owner };
}

/** The placement's write, for the batch that makes the lead an MQL. */
export function placementStatement(db: Db, leadId: number, p: Placement, now: number): SQL {
  return firstPlacement(db, leadId, p, now);
}

/** The mail job a committed placement queues: the owner hears of it (or marketing, when none could take it). */
export function placedMessage(leadId: number, p: Placement, now: number): RoutedMessage {
  return { type: "lead.routed", leadId, at: now, ownerId: p.ownerId, previousOwnerId: null };
}
