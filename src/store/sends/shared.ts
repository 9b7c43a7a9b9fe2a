// How the send-ledger statements pass id lists: one JSON parameter, since D1 binds at most 100 values.
import { sql } from "drizzle-orm";

// Lists of ids travel as one JSON parameter (json_each) rather than one bound value each: D1 binds at most 100.
export const idList = (ids: number[]) => sql`(SELECT value FROM json_each(${JSON.stringify(ids)}))`;
