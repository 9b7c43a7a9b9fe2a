// Leads as the dashboard lists them (filters, keyset pages, CSV) and the score calibration's cohort.
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../env";
import type { Lead, Stage } from "../../db/schema";

/** A lead-list row, under the column names the list, its CSV and its template use. */
export interface LeadListRow {
  id: Lead["id"];
  email: Lead["email"];
  name: Lead["name"];
  company: Lead["company"];
  job_title: Lead["jobTitle"];
  country: Lead["country"];
  score: Lead["score"];
  stage: Lead["stage"];
  touch_count: Lead["touchCount"];
  created_at: Lead["createdAt"];
  mql_at: Lead["mqlAt"];
  owner_id: Lead["ownerId"];
  owner_name: string | null;
  accept_by: Lead["acceptBy"];
  accepted_at: Lead["acceptedAt"];
}

interface LeadListFilter {
  q?: string;
  stage?: Stage;
  min_score?: number;
  max_score?: number;
  asset_id?: number;
  /** Only leads with a smaller id (keyset pagination, newest first). */
  cursor?: number;
  /** Only leads this teammate owns ("my leads"). */
  owner_id?: number;
}

/** Raw: LIKE … ESCAPE and the touch EXISTS have no drizzle builder; the list reads leads by id, newest first. */
function where(f: LeadListFilter): SQL {
  const parts: SQL[] = [sql`erased_at IS NULL`];
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    parts.push(
      sql`(email LIKE ${like} ESCAPE '\\' OR name LIKE ${like} ESCAPE '\\' OR company LIKE ${like} ESCAPE '\\')`,
    );
  }
  if (f.stage) parts.push(sql`stage = ${f.stage}`);
  if (f.min_score !== undefined) parts.push(sql`score >= ${f.min_score}`);
  if (f.max_score !== undefined) parts.push(sql`score <= ${f.max_score}`);
  if (f.asset_id !== undefined)
    parts.push(
      sql`EXISTS (SELECT 1 FROM touches t WHERE t.lead_id = leads.id AND t.asset_id = ${f.asset_id})`,
    );
  if (f.owner_id !== undefined) parts.push(sql`owner_id = ${f.owner_id}`);
  if (f.cursor !== undefined) parts.push(sql`id < ${f.cursor}`);
  return sql.join(parts, sql` AND `);
}

/** Up to `take` leads matching the filter, newest first. */
export async function leadListRows(
  db: Db,
  f: LeadListFilter,
  take: number,
): Promise<LeadListRow[]> {
  return db.all<LeadListRow>(sql`
    SELECT id, email, name, company, job_title, country, score, stage, touch_count, created_at, mql_at,
      owner_id, (SELECT coalesce(p.name, p.email) FROM people p WHERE p.id = leads.owner_id) AS owner_name, accept_by, accepted_at
    FROM leads WHERE ${where(f)} ORDER BY id DESC LIMIT ${take}`);
}

/**
 * Leads created in [start, end) ms (erased ones too: their score and stage stay, so counts hold), counted per score band of `width` points: -1 for
 * negative scores, 100 for 100 and up, else the band's lowest score. Raw: a computed GROUP BY and a
 * correlated EXISTS on outcomes, so only the bands come back, not the cohort.
 */
export async function scoreBandCounts(
  db: Db,
  q: { start: number; end: number; width: number },
): Promise<{ band: number; leads: number; mqls: number; won: number }[]> {
  // The width is written into the SQL as an integer literal: D1 binds a JS number as REAL, and
  // score / 10.0 * 10.0 is the score itself, so every distinct score was a group of its own and a
  // band such as 10–19 came back once per score in it.
  if (!Number.isInteger(q.width) || q.width < 1) throw new Error(`not a band width: ${q.width}`);
  const width = sql.raw(String(q.width));
  const band = sql`CASE WHEN score < 0 THEN -1 WHEN score >= 100 THEN 100 ELSE (score / ${width}) * ${width} END`;
  return db.all<{ band: number; leads: number; mqls: number; won: number }>(sql`
    SELECT ${band} AS band, count(*) AS leads, count(mql_at) AS mqls,
      sum(EXISTS (SELECT 1 FROM outcomes o WHERE o.lead_id = leads.id AND o.stage = 'won')) AS won
    FROM leads WHERE created_at >= ${q.start} AND created_at < ${q.end} GROUP BY 1 ORDER BY 1`);
}
