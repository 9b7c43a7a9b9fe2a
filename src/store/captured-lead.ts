// The lead a capture batch writes about, found by its normalised email: the FROM clause its statements share.
import { type SQL, sql } from "drizzle-orm";

/** Raw: a clause that INSERT … SELECT statements of the capture batch (lead, touch, event, rollup) end with. */
export const capturedLeadFrom = (email: string): SQL => sql`FROM leads WHERE email = ${email}`;
