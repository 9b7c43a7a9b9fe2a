// Marketing spend (spend): what was paid for an asset, channel or campaign over some days; CSV imports keyed for idempotency.
import { and, desc, eq, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "../env";
import { spend } from "../db/schema";

export type Spend = typeof spend.$inferSelect;
type NewSpend = typeof spend.$inferInsert;

export async function insertSpend(db: Db, row: NewSpend): Promise<Spend> {
  const [created] = await db.insert(spend).values(row).returning();
  return created!;
}

/** A page of spend, newest first, before an id and/or for one asset; one row more than `limit` tells a next page. */
export async function spendPage(
  db: Db,
  opts: { limit: number; before?: number; assetId?: number },
): Promise<Spend[]> {
  const where = and(
    opts.before ? lt(spend.id, opts.before) : undefined,
    opts.assetId ? eq(spend.assetId, opts.assetId) : undefined,
  );
  return db
    .select()
    .from(spend)
    .where(where)
    .orderBy(desc(spend.id))
    .limit(opts.limit + 1);
}

/** Deletes a spend record; returns it as it was, or undefined when there was none. */
export async function deleteSpendById(db: Db, id: number): Promise<Spend | undefined> {
  const [row] = await db.delete(spend).where(eq(spend.id, id)).returning();
  return row;
}

/** Which of these import keys are already stored (read 90 at a time: D1 binds at most 100 parameters). */
export async function storedImportKeys(db: Db, keys: string[]): Promise<Set<string>> {
  const existing = new Set<string>();
  for (let i = 0; i < keys.length; i += 90) {
    const chunk = keys.slice(i, i + 90);
    const found = await db
      .select({ key: spend.importKey })
      .from(spend)
      .where(inArray(spend.importKey, chunk));
    for (const f of found) existing.add(f.key!);
  }
  return existing;
}

/**
 * Writes imported days in one D1 batch: a key already stored is replaced (amount, currency, tie and
 * counts), so the same days imported again never add up. Keys in `retire` (the same campaign-days stored
 * by an earlier generic import) are deleted in the same batch. D1 binds at most 100 parameters per
 * statement: 18 columns × 5 rows per insert.
 */
export async function upsertImportedSpend(
  db: Db,
  rows: NewSpend[],
  retire: string[] = [],
): Promise<void> {
  const statements = [];
  for (let i = 0; i < retire.length; i += 90)
    statements.push(db.delete(spend).where(inArray(spend.importKey, retire.slice(i, i + 90))));
  for (let i = 0; i < rows.length; i += 5)
    statements.push(
      db
        .insert(spend)
        .values(rows.slice(i, i + 5))
        .onConflictDoUpdate({
          target: spend.importKey,
          set: {
            assetId: sql`excluded.asset_id`,
            channel: sql`excluded.channel`,
            utmSource: sql`excluded.utm_source`,
            utmMedium: sql`excluded.utm_medium`,
            utmCampaign: sql`excluded.utm_campaign`,
            amountMinor: sql`excluded.amount_minor`,
            currency: sql`excluded.currency`,
            reportingMinor: sql`excluded.reporting_minor`,
            impressions: sql`excluded.impressions`,
            clicks: sql`excluded.clicks`,
            platformCampaign: sql`excluded.platform_campaign`,
          },
        }),
    );
  if (statements.length)
    await db.batch(statements as [(typeof statements)[number], ...typeof statements]);
}

/** The columns a report spreads. */
export type ReportSpendRow = Pick<
  Spend,
  | "id"
  | "assetId"
  | "channel"
  | "utmSource"
  | "utmMedium"
  | "utmCampaign"
  | "dayFrom"
  | "dayTo"
  | "amountMinor"
  | "currency"
  | "reportingMinor"
>;

/**
 * Spend overlapping [from, to], for one asset (and the spend tied to no asset) or all (rows:
 * ReportSpendRow). Raw, aliased to the schema's names: it runs in the report's metered batch, whose
 * D1 rows_read the report returns (drizzle's select results carry no meta).
 */
export function spendOverlapping(q: { from: string; to: string; assetId?: number }): SQL {
  return sql`
    SELECT id, asset_id AS "assetId", channel, utm_source AS "utmSource", utm_medium AS "utmMedium", utm_campaign AS "utmCampaign", day_from AS "dayFrom", day_to AS "dayTo", amount_minor AS "amountMinor", currency, reporting_minor AS "reportingMinor" FROM spend
    WHERE day_from <= ${q.to} AND day_to >= ${q.from}${q.assetId !== undefined ? sql` AND (asset_id = ${q.assetId} OR asset_id IS NULL)` : sql``}`;
}
