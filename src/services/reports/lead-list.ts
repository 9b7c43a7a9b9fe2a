// The lead list behind the dashboard and its CSV export: filters, keyset pagination, newest first.
import { z } from "zod";
import type { Db } from "../../env";
import { STAGES } from "../../db/schema";
import { leadListRows, type LeadListRow } from "../../store/leads";

const opt = <T extends z.ZodTypeAny>(s: T) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), s.optional());

export const leadFilter = z.object({
  q: opt(z.string().trim().max(200)),
  stage: opt(z.enum(STAGES)),
  min_score: opt(z.coerce.number().int().min(-10000).max(10000)),
  max_score: opt(z.coerce.number().int().min(-10000).max(10000)),
  asset_id: opt(z.coerce.number().int().positive()),
  cursor: opt(z.coerce.number().int().positive()),
  limit: opt(z.coerce.number().int().min(1).max(1000)),
  /** "me": only the leads the signed-in teammate owns. */
  owner: opt(z.enum(["me"])),
});
export type LeadFilter = z.infer<typeof leadFilter>;

export type { LeadListRow };

export async function listLeads(
  db: Db,
  f: LeadFilter & { owner_id?: number },
  defaultLimit = 50,
): Promise<{ rows: LeadListRow[]; nextCursor: number | null }> {
  const limit = f.limit ?? defaultLimit;
  const rows = await leadListRows(db, f, limit + 1);
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  return { rows: page, nextCursor: more ? page.at(-1)!.id : null };
}
