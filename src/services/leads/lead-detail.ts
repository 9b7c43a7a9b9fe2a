// One lead in full for sales: the summary plus every touch, the timeline, the score ledger, stages and outcomes.
import { sql } from "drizzle-orm";
import type { Db } from "../../env";
import { AppError } from "../../errors";
import { batch } from "../../store/batch";
import { summaryFromRows, summaryQueries, touchOut, type LeadRow } from "./lead-summary";

const iso = (ms: number) => new Date(ms).toISOString();
/** The timeline shows the latest events; the export has all of them. */
export const TIMELINE_LIMIT = 200;

export async function loadLeadDetail(db: Db, leadId: number) {
  const results = await batch(db, [
    ...summaryQueries(leadId),
    sql`SELECT e.id, e.type, e.at, e.asset_id, e.data FROM events e WHERE e.lead_id = ${leadId} ORDER BY e.at DESC, e.id DESC LIMIT ${TIMELINE_LIMIT}`,
    sql`SELECT id, rule_id, kind, points, reason, at FROM score_ledger WHERE lead_id = ${leadId} ORDER BY at, id`,
    sql`SELECT from_stage, to_stage, reason, at FROM stage_history WHERE lead_id = ${leadId} ORDER BY at, id`,
    sql`SELECT id, stage, amount_minor, currency, reason, external_id, at FROM outcomes WHERE lead_id = ${leadId} ORDER BY at, id`,
  ]);
  const rows = results.map((r) => r.results);
  const lead = (rows[0] as LeadRow[])[0];
  if (!lead) throw new AppError("NOT_FOUND", "No lead has this id");
  if (lead.erased_at !== null) throw new AppError("GONE", "This lead's personal data was erased");
  const summary = summaryFromRows(rows.slice(0, 4))!;
  type Ev = { id: number; type: string; at: number; asset_id: number | null; data: string | null };
  type Led = { id: number; rule_id: number | null; kind: string; points: number; reason: string; at: number };
  type St = { from_stage: string | null; to_stage: string; reason: string | null; at: number };
  type Out = { id: number; stage: string; amount_minor: number | null; currency: string | null; reason: string | null; external_id: string | null; at: number };
  return {
    ...summary,
    touches: (rows[1] as Parameters<typeof touchOut>[0][]).map(touchOut),
    timeline: (rows[4] as Ev[]).map((e) => ({ id: e.id, type: e.type, at: iso(e.at), asset_id: e.asset_id, data: e.data ? (JSON.parse(e.data) as Record<string, unknown>) : null })),
    score_ledger: (rows[5] as Led[]).map((l) => ({ id: l.id, rule_id: l.rule_id, kind: l.kind, points: l.points, reason: l.reason, at: iso(l.at) })),
    stage_history: (rows[6] as St[]).map((s) => ({ from: s.from_stage, to: s.to_stage, reason: s.reason, at: iso(s.at) })),
    outcomes: (rows[7] as Out[]).map((o) => ({ id: o.id, stage: o.stage, amount_minor: o.amount_minor, currency: o.currency, reason: o.reason, external_id: o.external_id, at: iso(o.at) })),
  };
}
