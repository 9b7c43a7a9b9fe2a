// A lead as sales sees it: profile, score with its top reasons, stage, first and latest touch, assets, referrer.
import { sql } from "drizzle-orm";
import type { Db } from "../../env";
import type { LedgerKind, Stage } from "../../db/schema";
import { batch } from "../../store/batch";
import { topReasons } from "../scoring/reconcile";
import { leadSummarySchema, type LeadSummary } from "../handoff/schemas";

const iso = (ms: number) => new Date(ms).toISOString();

export type LeadRow = {
  id: number; email: string; name: string | null; company: string | null; job_title: string | null; phone: string | null;
  company_size: string | null; country: string | null; locale: string; stage: Stage; score: number; fit_score: number;
  behaviour_score: number; mql_at: number | null; created_at: number; updated_at: number; referred_by_lead_id: number | null; erased_at: number | null;
};
type TouchRow = { id: number; at: number; asset_id: number; slug: string; title: string; channel: string; utm_source: string | null; utm_medium: string | null; utm_campaign: string | null; referrer_host: string | null; country: string | null };
type LedgerRow = { rule_id: number | null; kind: LedgerKind; points: number; label: string | null };

export function touchOut(t: TouchRow) {
  return { id: t.id, at: iso(t.at), asset: { id: t.asset_id, slug: t.slug, title: t.title }, channel: t.channel, utm_source: t.utm_source, utm_medium: t.utm_medium, utm_campaign: t.utm_campaign, referrer_host: t.referrer_host, country: t.country };
}

/** Statements reading everything a summary needs; run them in a batch (optionally with more). */
export function summaryQueries(leadId: number) {
  return [
    sql`SELECT id, email, name, company, job_title, phone, company_size, country, locale, stage, score, fit_score, behaviour_score, mql_at, created_at, updated_at, referred_by_lead_id, erased_at FROM leads WHERE id = ${leadId}`,
    sql`SELECT t.id, t.at, t.asset_id, a.slug, a.title, t.channel, t.utm_source, t.utm_medium, t.utm_campaign, t.referrer_host, t.country FROM touches t JOIN assets a ON a.id = t.asset_id WHERE t.lead_id = ${leadId} ORDER BY t.id`,
    sql`SELECT l.rule_id, l.kind, l.points, r.label FROM score_ledger l LEFT JOIN score_rules r ON r.id = l.rule_id WHERE l.lead_id = ${leadId}`,
    sql`SELECT r.id, r.email, r.name FROM leads r WHERE r.id = (SELECT referred_by_lead_id FROM leads WHERE id = ${leadId})`,
  ];
}

/** Builds the summary from the rows of `summaryQueries`; null when the lead does not exist. */
export function summaryFromRows(rows: unknown[][]): LeadSummary | null {
  const [leadRows, touchRows, ledgerRows, refRows] = rows as [LeadRow[], TouchRow[], LedgerRow[], { id: number; email: string; name: string | null }[]];
  const lead = leadRows[0];
  if (!lead) return null;
  const assets = new Map<number, { id: number; slug: string; title: string; first_at: string }>();
  for (const t of touchRows) if (!assets.has(t.asset_id)) assets.set(t.asset_id, { id: t.asset_id, slug: t.slug, title: t.title, first_at: iso(t.at) });
  const labels = ledgerRows.filter((l) => l.rule_id !== null && l.label).map((l) => ({ id: l.rule_id!, label: l.label! }));
  const ledger = ledgerRows.map((l) => ({ ruleId: l.rule_id, kind: l.kind, points: l.points, at: 0 }));
  const ref = refRows[0];
  return leadSummarySchema.parse({
    id: lead.id, email: lead.email, name: lead.name, company: lead.company, job_title: lead.job_title, phone: lead.phone,
    company_size: lead.company_size, country: lead.country, locale: lead.locale, stage: lead.stage,
    score: { total: lead.score, fit: lead.fit_score, behaviour: lead.behaviour_score, top_reasons: topReasons(ledger, labels) },
    mql_at: lead.mql_at === null ? null : iso(lead.mql_at), created_at: iso(lead.created_at), updated_at: iso(lead.updated_at),
    first_touch: touchRows.length ? touchOut(touchRows[0]!) : null,
    latest_touch: touchRows.length ? touchOut(touchRows[touchRows.length - 1]!) : null,
    assets: [...assets.values()],
    referred_by: ref ? { id: ref.id, email: ref.email, name: ref.name } : null,
  });
}

export async function loadLeadSummary(db: Db, leadId: number): Promise<LeadSummary | null> {
  const results = await batch(db, summaryQueries(leadId));
  return summaryFromRows(results.map((r) => r.results));
}
