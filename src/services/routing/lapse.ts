// Deadlines that passed: the cron finds them (bounded), a job hands each lead to the next person in its team.
import type { Db } from "../../env";
import type { Outcome } from "../../errors";
import type { RoutingLapseMessage, RoutedMessage } from "../../queue/messages";
import { lapsedLeads, movePlacement, routingOfLead } from "../../store/leads";
import { findRoutingRule } from "../../store/routing-rules";
import { nextInTeam } from "../../domain/routing/rules";
import { addWorkingDays } from "../../domain/routing/working-days";
import { ACCEPT_WORKING_DAYS, loadRoster, workspaceTimeZone } from "./team";

/** Lapsed leads queued per tick: a backlog drains over the next ticks, oldest deadline first. */
export const LAPSE_CHUNK = 100;

/** Queues one message per lapsed lead (a tick that runs twice queues twice; the job moves each lead once). */
export async function queueLapsed(db: Db, jobs: Queue, now: number): Promise<number> {
  const due = await lapsedLeads(db, now, LAPSE_CHUNK);
  if (!due.length) return 0;
  const messages: RoutingLapseMessage[] = due.map((d) => ({
    type: "routing.lapse",
    leadId: d.id,
    acceptBy: d.acceptBy,
  }));
  await jobs.sendBatch(messages.map((body) => ({ body, contentType: "json" as const })));
  return due.length;
}

/**
 * Hands a lapsed lead to the next person of its rule's team who has not had it (removed teammates and
 * other roles skipped), with a new deadline; when nobody is left (or the rule is gone) marketing holds it,
 * flagged. Only a lead still at the deadline the message names moves, so a repeat changes nothing.
 */
export async function handOnLapsed(
  deps: { db: Db; jobs: Queue },
  m: RoutingLapseMessage,
  now: number,
): Promise<Outcome<boolean>> {
  const { db } = deps;
  const lead = await routingOfLead(db, m.leadId);
  if (!lead || lead.acceptBy !== m.acceptBy || lead.acceptedAt !== null)
    return { ok: true, value: false };
  const [rule, roster] = await Promise.all([
    lead.routingRuleId === null ? undefined : findRoutingRule(db, lead.routingRuleId),
    loadRoster(db),
  ]);
  const tried = [...(lead.routingTried ?? [])];
  if (lead.ownerId !== null && !tried.includes(lead.ownerId)) tried.push(lead.ownerId);
  const next =
    rule && lead.erasedAt === null
      ? nextInTeam(rule.team, roster.owners, lead.ownerId, new Set(tried))
      : null;
  const acceptBy =
    next === null ? null : addWorkingDays(now, ACCEPT_WORKING_DAYS, await workspaceTimeZone(db));
  const moved = await movePlacement(
    db,
    m.leadId,
    { acceptBy: m.acceptBy },
    { ownerId: next, acceptBy, tried },
    now,
  );
  if (moved && lead.erasedAt === null) {
    const told: RoutedMessage = {
      type: "lead.routed",
      leadId: m.leadId,
      at: now,
      ownerId: next,
      previousOwnerId: lead.ownerId,
    };
    await deps.jobs.send(told);
  }
  return { ok: true, value: moved };
}
