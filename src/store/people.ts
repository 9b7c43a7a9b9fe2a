// Teammates (people): invited by an admin, with a role; removal sets removed_at and keeps the row.
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../env";
import { people, type Person, type Role } from "../db/schema";
import type { Locale } from "../db/schema";

export type { Person };

export async function personByEmail(db: Db, email: string): Promise<Person | undefined> {
  return db.query.people.findFirst({ where: eq(people.email, email) });
}

export async function personById(db: Db, id: number): Promise<Person | undefined> {
  return db.query.people.findFirst({ where: eq(people.id, id) });
}

/** Everyone ever invited, current members first then removed ones, oldest first within each. */
export async function allPeople(db: Db): Promise<Person[]> {
  return db.select().from(people).orderBy(asc(people.removedAt), asc(people.id)).limit(1000);
}

/**
 * Adds a person, or brings a removed one back with the new role and inviter (the address is unique).
 * Returns undefined when the address belongs to a current member: nothing is changed then.
 */
export async function insertOrRestorePerson(
  db: Db,
  row: {
    email: string;
    name: string | null;
    role: Role;
    locale: Locale;
    invitedBy: number | null;
    invitedByLabel: string;
  },
  now: number,
): Promise<Person | undefined> {
  const [saved] = await db
    .insert(people)
    .values({ ...row, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: people.email,
      set: { ...row, updatedAt: now, removedAt: null },
      setWhere: sql`${people.removedAt} IS NOT NULL`,
    })
    .returning();
  return saved;
}

export async function updatePersonRole(
  db: Db,
  id: number,
  role: Role,
  now: number,
): Promise<Person | undefined> {
  const [row] = await db
    .update(people)
    .set({ role, updatedAt: now })
    .where(and(eq(people.id, id), isNull(people.removedAt)))
    .returning();
  return row;
}

export async function markPersonRemoved(
  db: Db,
  id: number,
  now: number,
): Promise<Person | undefined> {
  const [row] = await db
    .update(people)
    .set({ removedAt: now, updatedAt: now })
    .where(and(eq(people.id, id), isNull(people.removedAt)))
    .returning();
  return row;
}
