// Leads as sales routing sees them: owner, acceptance deadline, the lapsed-owner scan, acceptance.
import { and, eq, isNull, isNotNull, lte, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../env";
import { leads, type Lead } from "../../db/schema";

const l = leads;

export type RoutingOfLead = Pick<
  Lead,
  | "id"
  | "stage"
  | "erasedAt"
  | "ownerId"
  | "ownerAssignedAt"
  | "acceptBy"
  | "acceptedAt"
  | "routingRuleId"
  | "routingTried"
  | "routingFlaggedAt"
>;

export async function routingOfLead(db: Db, leadId: number): Promise<RoutingOfLead | undefined> {
  const [row] = await db
    .select({
      id: l.id,
      stage: l.stage,
      erasedAt: l.erasedAt,
      ownerId: l.ownerId,
      ownerAssignedAt: l.ownerAssignedAt,
      acceptBy: l.acceptBy,
      acceptedAt: l.acceptedAt,
      routingRuleId: l.routingRuleId,
      routingTried: l.routingTried,
      routingFlaggedAt: l.routingFlaggedAt,
    })
    .from(l)
    .where(eq(l.id, leadId));
  return row;
}

export interface Placement {
  ownerId: number | null;
  ruleId: number;
  acceptBy: number | null;
  /** Set when nobody in the team could take it: marketing holds it. */
  flagged: boolean;
}

/**
 * The first owner of a lead that becomes an MQL, for the qualification batch (after its guard, so it is
 * written only with the MQL). Only a lead never routed is placed: a repeat changes nothing.
 */
export function firstPlacement(db: Db, leadId: number, p: Placement, now: number): SQL {
  return db
    .update(l)
    .set({
      ownerId: p.ownerId,
      ownerAssignedAt: p.ownerId === null ? null : now,
      acceptBy: p.acceptBy,
      routingRuleId: p.ruleId,
      routingTried: [],
      routingFlaggedAt: p.flagged ? now : null,
    })
    .where(and(eq(l.id, leadId), isNull(l.routingRuleId)))
    .getSQL();
}

/**
 * Moves a lapsed lead to its next owner (or to marketing, flagged), only if it is still as the overdue scan
 * found it: same deadline, not accepted. A second message for the same lapse finds the new deadline and
 * changes nothing. Resolves to whether this call moved it.
 */
export async function movePlacement(
  db: Db,
  leadId: number,
  lapsed: { acceptBy: number },
  next: { ownerId: number | null; acceptBy: number | null; tried: number[] },
  now: number,
): Promise<boolean> {
  const rows = await db
    .update(l)
    .set({
      ownerId: next.ownerId,
      ownerAssignedAt: next.ownerId === null ? null : now,
      acceptBy: next.acceptBy,
      routingTried: next.tried,
      routingFlaggedAt: next.ownerId === null ? now : null,
      updatedAt: now,
    })
    .where(and(eq(l.id, leadId), eq(l.acceptBy, lapsed.acceptBy), isNull(l.acceptedAt)))
    .returning({ id: l.id });
  return rows.length > 0;
}

/** Leads whose owner let the deadline pass, oldest deadline first, through leads_accept_by. */
export async function lapsedLeads(
  db: Db,
  now: number,
  limit: number,
): Promise<{ id: number; acceptBy: number }[]> {
  const rows = await db
    .select({ id: l.id, acceptBy: l.acceptBy })
    .from(l)
    .where(and(isNotNull(l.acceptBy), lte(l.acceptBy, now), isNull(l.acceptedAt)))
    .orderBy(l.acceptBy)
    .limit(limit);
  return rows as { id: number; acceptBy: number }[];
}

/**
 * The owner accepts: the deadline stops. `ownerId` limits it to that owner's lead (a sales person accepting
 * their own); null accepts for whoever owns it. Resolves to whether this call accepted it.
 */
export async function acceptLead(
  db: Db,
  leadId: number,
  ownerId: number | null,
  now: number,
): Promise<boolean> {
  const rows = await db
    .update(l)
    .set({ acceptedAt: now, acceptBy: null, updatedAt: now })
    .where(
      and(
        eq(l.id, leadId),
        isNotNull(l.ownerId),
        isNull(l.acceptedAt),
        ownerId === null ? sql`1 = 1` : eq(l.ownerId, ownerId),
      ),
    )
    .returning({ id: l.id });
  return rows.length > 0;
}
