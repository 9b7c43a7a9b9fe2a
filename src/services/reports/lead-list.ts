// The lead list behind the dashboard and its CSV export: filters, keyset pagination, newest first.
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../env";
import { STAGES } from "../../db/schema";

const opt = <T extends z.ZodTypeAny>(s: T) => z.preprocess((v) => (v === "" || v === null ? undefined : v), s.optional());

export const leadFilter = z.object({
  q: opt(z.string().trim().max(200)),
  stage: opt(z.enum(STAGES)),
  min_score: opt(z.coerce.number().int().min(-10000).max(10000)),
  max_score: opt(z.coerce.number().int().min(-10000).max(10000)),
  asset_id: opt(z.coerce.number().int().positive()),
  cursor: opt(z.coerce.number().int().positive()),
  limit: opt(z.coerce.number().int().min(1).max(1000)),
});
export type LeadFilter = z.infer<typeof leadFilter>;

export interface LeadListRow {
  id: number;
  email: string;
  name: string | null;
  company: string | null;
  job_title: string | null;
  country: string | null;
  score: number;
  stage: string;
  touch_count: number;
  created_at: number;
  mql_at: number | null;
}

function where(f: LeadFilter): SQL {
  const parts: SQL[] = [sql`erased_at IS NULL`];
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    parts.push(sql`(email LIKE ${like} ESCAPE '\\' OR name LIKE ${like} ESCAPE '\\' OR company LIKE ${like} ESCAPE '\\')`);
  }
  if (f.stage) parts.push(sql`stage = ${f.stage}`);
  if (f.min_score !== undefined) parts.push(sql`score >= ${f.min_score}`);
  if (f.max_score !== undefined) parts.push(sql`score <= ${f.max_score}`);
  if (f.asset_id !== undefined) parts.push(sql`EXISTS (SELECT 1 FROM touches t WHERE t.lead_id = leads.id AND t.asset_id = ${f.asset_id})`);
  if (f.cursor !== undefined) parts.push(sql`id < ${f.cursor}`);
  return sql.join(parts, sql` AND `);
}

export async function listLeads(db: Db, f: LeadFilter, defaultLimit = 50): Promise<{ rows: LeadListRow[]; nextCursor: number | null }> {
  const limit = f.limit ?? defaultLimit;
  const rows = await db.all<LeadListRow>(sql`
    SELECT id, email, name, company, job_title, country, score, stage, touch_count, created_at, mql_at
    FROM leads WHERE ${where(f)} ORDER BY id DESC LIMIT ${limit + 1}`);
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  return { rows: page, nextCursor: more ? page.at(-1)!.id : null };
}
