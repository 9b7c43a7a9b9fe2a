// Campaign mappings (spend_campaign_mappings): a platform campaign → the utm_campaign or asset its spend meets.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../env";
import { spendCampaignMappings } from "../db/schema";

export type CampaignMapping = typeof spendCampaignMappings.$inferSelect;

/** The saved mappings of these campaign keys of one platform account. */
export async function mappingsFor(
  db: Db,
  platform: string,
  account: string,
  campaignKeys: string[],
): Promise<CampaignMapping[]> {
  const out: CampaignMapping[] = [];
  for (let i = 0; i < campaignKeys.length; i += 90) {
    out.push(
      ...(await db
        .select()
        .from(spendCampaignMappings)
        .where(
          and(
            eq(spendCampaignMappings.platform, platform),
            eq(spendCampaignMappings.account, account),
            inArray(spendCampaignMappings.campaignKey, campaignKeys.slice(i, i + 90)),
          ),
        )),
    );
  }
  return out;
}

/** Saves (replaces) mappings; 6 columns × 15 rows per statement. */
export async function saveMappings(db: Db, rows: CampaignMapping[]): Promise<void> {
  const statements = [];
  for (let i = 0; i < rows.length; i += 15)
    statements.push(
      db
        .insert(spendCampaignMappings)
        .values(rows.slice(i, i + 15))
        .onConflictDoUpdate({
          target: [
            spendCampaignMappings.platform,
            spendCampaignMappings.account,
            spendCampaignMappings.campaignKey,
          ],
          set: {
            utmCampaign: sql`excluded.utm_campaign`,
            assetId: sql`excluded.asset_id`,
            updatedAt: sql`excluded.updated_at`,
          },
        }),
    );
  if (statements.length)
    await db.batch(statements as [(typeof statements)[number], ...typeof statements]);
}
