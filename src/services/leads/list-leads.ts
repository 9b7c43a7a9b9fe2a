// The sales list: leads in (updated_at, id) order behind an opaque cursor, read through indexes only.
import { z } from "zod";
import type { Db } from "../../env";
import { STAGES, type Stage } from "../../db/schema";
import { AppError } from "../../errors";
import {
  listedByEmail,
  mergeRound,
  scanPage,
  scorePairs,
  type ListedLead,
} from "../../store/leads";
import { normaliseEmail } from "../../domain/email-address";
import { base64Url, fromBase64Url } from "../../domain/encoding";

interface ListFilters {
  minScore?: number;
  stage?: Stage;
  assetId?: number;
  updatedSince?: number;
  cursor?: string;
  limit: number;
  email?: string;
}

export type { ListedLead };

/**
 * A cursor is the (updated_at, id) of the last lead returned. A lead that changes moves past the cursor
 * and comes again on a later page: nothing is skipped while leads change; a changed lead is seen again.
 */
const cursorSchema = z.object({
  u: z.number().int().nonnegative(),
  i: z.number().int().nonnegative(),
});
type Cursor = z.infer<typeof cursorSchema>;

function encodeCursor(c: Cursor): string {
  return base64Url(new TextEncoder().encode(JSON.stringify(c)));
}

function decodeCursor(raw: string): Cursor {
  try {
    const json = new TextDecoder().decode(fromBase64Url(raw));
    return cursorSchema.parse(JSON.parse(json));
  } catch {
    throw new AppError("BAD_REQUEST", "The cursor is not one this API handed out", {
      details: { fields: { cursor: ["Invalid cursor"] } },
    });
  }
}

/** D1 allows at most 5 terms in a compound SELECT: each merged query covers 5 (stage, score) ranges. */
const TERMS_PER_MERGE = 5;
/** Past this many (stage, score) ranges the merge is not worth it: the list filters an index scan instead. */
const MAX_RANGES = 400;

function lowerBound(f: ListFilters): Cursor {
  const c = f.cursor ? decodeCursor(f.cursor) : { u: 0, i: 0 };
  if (
    f.updatedSince !== undefined &&
    (f.updatedSince > c.u || (f.updatedSince === c.u && c.i === 0))
  )
    return { u: f.updatedSince, i: 0 };
  return c;
}

/**
 * One page. Without stage or min_score: a range scan of leads_list. With them: one ordered range per
 * (stage, score) on leads_stage_score, merged by SQLite's compound-select merge, which pulls only as many
 * rows from each range as the page needs, so a page reads about what it returns.
 */
export async function listLeads(
  db: Db,
  f: ListFilters,
): Promise<{ leads: ListedLead[]; nextCursor: string | null; hasMore: boolean }> {
  if (f.email !== undefined) {
    const rows = await listedByEmail(db, normaliseEmail(f.email));
    return { leads: rows, nextCursor: null, hasMore: false };
  }
  const c = lowerBound(f);
  const take = f.limit + 1;
  const filtered = f.stage !== undefined || f.minScore !== undefined;
  let pairs: { stage: Stage; v: number }[] = [];
  if (filtered) {
    const stages = f.stage ? [f.stage] : [...STAGES];
    pairs = await scorePairs(db, stages, f.minScore ?? Number.MIN_SAFE_INTEGER);
  }
  if (filtered && pairs.length === 0)
    return { leads: [], nextCursor: f.cursor ?? null, hasMore: false };
  let rows: ListedLead[];
  if (filtered && pairs.length <= MAX_RANGES) {
    rows = await mergedPage(db, pairs, c, f.assetId, take);
  } else {
    rows = await scanPage(db, c, f, take);
  }
  const hasMore = rows.length > f.limit;
  const leads = rows.slice(0, f.limit);
  const last = leads[leads.length - 1];
  // The cursor is handed out at the end too: polling with it later returns what changed since.
  const nextCursor = last
    ? encodeCursor({ u: last.updated_at, i: last.id })
    : (f.cursor ??
      (f.updatedSince !== undefined ? encodeCursor({ u: f.updatedSince, i: 0 }) : null));
  return { leads, nextCursor, hasMore };
}

const key = (l: ListedLead): Cursor => ({ u: l.updated_at, i: l.id });
const before = (a: Cursor, b: Cursor) => a.u < b.u || (a.u === b.u && a.i < b.i);
const notAfter = (a: Cursor, b: Cursor) => !before(b, a);

/**
 * A k-way merge of the merged streams: each stream is read a little at a time, and only the streams that
 * hold the page back are read further, so a page reads roughly what it returns plus a few rows a stream.
 */
async function mergedPage(
  db: Db,
  pairs: { stage: Stage; v: number }[],
  c: Cursor,
  assetId: number | undefined,
  take: number,
): Promise<ListedLead[]> {
  const streams: { pairs: typeof pairs; last: Cursor; done: boolean; want: number }[] = [];
  for (let i = 0; i < pairs.length; i += TERMS_PER_MERGE)
    streams.push({ pairs: pairs.slice(i, i + TERMS_PER_MERGE), last: c, done: false, want: 0 });
  const first = Math.max(2, Math.ceil(take / streams.length) + 1);
  for (const s of streams) s.want = first;
  const fetched: ListedLead[] = [];
  for (let round = 0; round < 32; round++) {
    const todo = streams.filter((s) => !s.done && s.want > 0);
    const results = await mergeRound(db, todo, assetId);
    todo.forEach((s, i) => {
      const got = results[i]!;
      fetched.push(...got);
      if (got.length < s.want) s.done = true;
      if (got.length) s.last = key(got[got.length - 1]!);
      s.want = 0;
    });
    fetched.sort((a, b) => (before(key(a), key(b)) ? -1 : before(key(b), key(a)) ? 1 : 0));
    const open = streams.filter((s) => !s.done);
    if (!open.length) return fetched.slice(0, take);
    // Rows up to the earliest point any open stream has reached are final.
    const frontier = open.reduce((m, s) => (before(s.last, m) ? s.last : m), open[0]!.last);
    const settled = fetched.filter((l) => notAfter(key(l), frontier));
    if (settled.length >= take) return settled.slice(0, take);
    const need = take - settled.length;
    for (const s of open)
      if (s.last.u === frontier.u && s.last.i === frontier.i) s.want = Math.max(2, need + 1);
  }
  throw new Error("merging the sales list did not settle");
}
