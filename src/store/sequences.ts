// Sequences: the named drips an asset starts when a lead passes its gate.
import { desc, eq } from "drizzle-orm";
import type { Db } from "../env";
import { sequences, type Sequence } from "../db/schema";

export async function sequenceById(db: Db, id: number): Promise<Sequence | undefined> {
  return db.query.sequences.findFirst({ where: eq(sequences.id, id) });
}

export async function sequenceExists(db: Db, id: number): Promise<boolean> {
  return !!(await db.query.sequences.findFirst({
    where: eq(sequences.id, id),
    columns: { id: true },
  }));
}

/** The sequences offered in the asset form's picker, newest first. */
export async function sequencePickerRows(db: Db): Promise<Pick<Sequence, "id" | "name">[]> {
  return db
    .select({ id: sequences.id, name: sequences.name })
    .from(sequences)
    .orderBy(desc(sequences.id))
    .limit(200);
}

export async function insertSequence(
  db: Db,
  values: typeof sequences.$inferInsert,
): Promise<number> {
  const [row] = await db.insert(sequences).values(values).returning({ id: sequences.id });
  return row!.id;
}

/** A new name for a sequence whose steps are kept (an edit of words only); a query for the service's batch. */
export function renameSequence(db: Db, id: number, name: string) {
  return db.update(sequences).set({ name }).where(eq(sequences.id, id));
}
