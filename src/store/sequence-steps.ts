// Sequence steps: each email of a drip, its template, when it is due and what skips it.
import { asc, eq } from "drizzle-orm";
import type { Db } from "../env";
import { sequenceSteps, type SequenceStep } from "../db/schema";

export async function stepsOfSequence(db: Db, sequenceId: number): Promise<SequenceStep[]> {
  return db.query.sequenceSteps.findMany({
    where: eq(sequenceSteps.sequenceId, sequenceId),
    orderBy: asc(sequenceSteps.position),
  });
}

export async function sequenceHasSteps(db: Db, sequenceId: number): Promise<boolean> {
  return !!(await db.query.sequenceSteps.findFirst({
    where: eq(sequenceSteps.sequenceId, sequenceId),
  }));
}

/** A new sequence's steps; a query for the service's batch that also points the asset at the sequence. */
export function insertSequenceSteps(db: Db, steps: (typeof sequenceSteps.$inferInsert)[]) {
  return db.insert(sequenceSteps).values(steps);
}
