// Where a share link sends a colleague: the asset asked for, else the sharer's latest, with the sharer attributed.
import type { Db } from "../../env";
import { REFERRAL_CODE } from "../../domain/referral-code";
import { leadIdByReferralCode } from "../../store/leads";
import { latestTouchedAssetSlug } from "../../store/touches";
import { findPublishedAsset } from "../assets/find-asset";

/** The landing page path to redirect to, or null when there is nowhere to send the visitor. */
export async function referralTarget(
  db: Db,
  code: string,
  to: string | undefined,
): Promise<string | null> {
  const sharer = REFERRAL_CODE.test(code) ? await leadIdByReferralCode(db, code) : undefined;
  let slug: string | null = null;
  if (to && (await findPublishedAsset(db, to))) slug = to;
  // No (valid) target given: the asset the sharer most recently came through.
  if (!slug && sharer) slug = await latestTouchedAssetSlug(db, sharer.id);
  if (!slug) return null;
  return sharer ? `/p/${slug}?ref=${encodeURIComponent(code)}` : `/p/${slug}`;
}
