// The conversions an offline upload file carries: leads that reached a stage in a window, with a marketing
// basis and not erased, each with the latest click id of the chosen platform on a touch before it.
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../env";
import { statement } from "../batch";
import type { ConversionRow, ConversionStage } from "../../domain/offline-conversions";

/** Which click a file needs: a touch column (closed set, never user input), or none (email-based files). */
export type ClickColumn = "gclid" | "msclkid" | "fbclid" | null;

/** When each lead reached the stage: MQL once (mql_at), accepted at its first accepted or won outcome, won per outcome. */
function conversionsOf(stage: ConversionStage, from: number, to: number): SQL {
  if (stage === "mql")
    return sql`SELECT id AS lead_id, mql_at AS at, NULL AS amount_minor, NULL AS currency, 'mql-' || id AS key
      FROM leads WHERE mql_at >= ${from} AND mql_at < ${to}`;
  if (stage === "accepted")
    // A won outcome implies acceptance when sales skipped that step; the first of either is the moment.
    return sql`SELECT lead_id, min(at) AS at, NULL AS amount_minor, NULL AS currency, 'accepted-' || lead_id AS key
      FROM outcomes WHERE stage IN ('accepted', 'won') GROUP BY lead_id HAVING min(at) >= ${from} AND min(at) < ${to}`;
  return sql`SELECT lead_id, at, amount_minor, currency, 'won-' || id AS key
    FROM outcomes WHERE stage = 'won' AND at >= ${from} AND at < ${to}`;
}

/**
 * Up to `limit` conversions in [from, to), oldest first. With a click column, each carries the latest touch
 * at or before the conversion that has that id (`required`: leads without one are left out in SQL).
 * Raw: a correlated subquery picks the touch, and the stage's source table changes the FROM.
 */
export async function conversionsForExport(
  db: Db,
  q: {
    stage: ConversionStage;
    from: number;
    to: number;
    click: ClickColumn;
    required: boolean;
    limit: number;
  },
): Promise<ConversionRow[]> {
  // Meta's fbc may come from the _fbc cookie alone, without an fbclid on the URL.
  const has =
    q.click === "fbclid"
      ? sql`(t2.fbclid IS NOT NULL OR t2.fbc IS NOT NULL)`
      : q.click
        ? sql`t2.${sql.identifier(q.click)} IS NOT NULL`
        : sql`0`;
  const clickCol = q.click ? sql`t.${sql.identifier(q.click)}` : sql`NULL`;
  const res = await statement(
    db.$client,
    sql`SELECT c.lead_id AS "leadId", c.key, c.at, c.amount_minor AS "amountMinor", c.currency, l.email, l.phone,
        ${clickCol} AS click, t.at AS "clickAt", t.fbc
      FROM (${conversionsOf(q.stage, q.from, q.to)}) c
      JOIN leads l ON l.id = c.lead_id
      LEFT JOIN touches t ON t.id = (SELECT t2.id FROM touches t2 WHERE t2.lead_id = c.lead_id AND t2.at <= c.at AND ${has}
        ORDER BY t2.at DESC, t2.id DESC LIMIT 1)
      WHERE l.erased_at IS NULL AND l.marketing_consent IN ('given', 'implied') ${q.required ? sql`AND t.id IS NOT NULL` : sql``}
      ORDER BY c.at, c.lead_id LIMIT ${q.limit}`,
  ).all<ConversionRow>();
  return res.results;
}
