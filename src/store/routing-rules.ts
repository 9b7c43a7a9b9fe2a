// Sales routing rules: the one writer of routing_rules, and the atomic round-robin turn.
import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../env";
import { routingRules, type RoutingRule } from "../db/schema";

export type { RoutingRule };
export type RoutingRuleChange = Partial<
  Pick<RoutingRule, "position" | "name" | "match" | "values" | "team">
>;

/** Every rule in evaluation order (a deployment has a handful; 500 bounds a mistake). */
export async function listRoutingRules(db: Db): Promise<RoutingRule[]> {
  return db
    .select()
    .from(routingRules)
    .orderBy(asc(routingRules.position), asc(routingRules.id))
    .limit(500);
}

export async function findRoutingRule(db: Db, id: number): Promise<RoutingRule | undefined> {
  return db.query.routingRules.findFirst({ where: eq(routingRules.id, id) });
}

export async function insertRoutingRule(
  db: Db,
  row: Omit<RoutingRule, "id" | "turns">,
): Promise<RoutingRule> {
  const [out] = await db.insert(routingRules).values(row).returning();
  return out!;
}

export async function updateRoutingRule(
  db: Db,
  id: number,
  change: RoutingRuleChange,
  now: number,
): Promise<RoutingRule | undefined> {
  const [out] = await db
    .update(routingRules)
    .set({ ...change, updatedAt: now })
    .where(eq(routingRules.id, id))
    .returning();
  return out;
}

export async function deleteRoutingRule(db: Db, id: number): Promise<RoutingRule | undefined> {
  const [out] = await db.delete(routingRules).where(eq(routingRules.id, id)).returning();
  return out;
}

/**
 * Takes the rule's next turn: 1 for its first lead, then 2, 3, … One statement, so SQLite serialises it:
 * two MQLs routed at the same moment never get the same turn, and no turn is read before it is written.
 * Undefined when the rule is gone.
 */
export async function takeTurn(db: Db, id: number): Promise<number | undefined> {
  const [row] = await db
    .update(routingRules)
    .set({ turns: sql`${routingRules.turns} + 1` })
    .where(eq(routingRules.id, id))
    .returning({ turns: routingRules.turns });
  return row?.turns;
}
