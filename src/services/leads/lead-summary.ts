// A lead as sales sees it: profile, score with its top reasons, stage, first and latest touch, assets, referrer.
import type { Db } from "../../env";
import { clickIdsOfColumns } from "../../domain/click-ids";
import { readSummaryRows, type SummaryRows } from "../../store/leads";
import type { TouchWithAsset } from "../../store/touches";
import { topReasons } from "../scoring/reconcile";
import { leadSummarySchema, type LeadSummary } from "../handoff/schemas";
import { isoTime as iso } from "../../domain/http-time";

export function touchOut(t: TouchWithAsset) {
  return {
    id: t.id,
    at: iso(t.at),
    asset: { id: t.assetId, slug: t.slug, title: t.title },
    channel: t.channel,
    utm_source: t.utmSource,
    utm_medium: t.utmMedium,
    utm_campaign: t.utmCampaign,
    utm_term: t.utmTerm,
    utm_content: t.utmContent,
    referrer_host: t.referrerHost,
    country: t.country,
    click_ids: clickIdsOfColumns(t),
  };
}

/** Everything a summary is built from, in one round trip (the lead row also says whether it was erased). */
export async function loadSummaryRows(db: Db, leadId: number): Promise<SummaryRows> {
  return readSummaryRows(db, leadId);
}

/** Builds the summary from the rows of `loadSummaryRows`; null when the lead does not exist. */
/** How another lead names a referrer whose data was erased: the id stays (counts hold), the person does not. */
export function erasedReferrer(id: number) {
  return { id, email: null, name: null, erased: true };
}

export function summaryFromRows(rows: SummaryRows): LeadSummary | null {
  const { lead, touches, ledger: ledgerRows, referrer: ref } = rows;
  if (!lead) return null;
  const assets = new Map<number, { id: number; slug: string; title: string; first_at: string }>();
  for (const t of touches)
    if (!assets.has(t.assetId))
      assets.set(t.assetId, { id: t.assetId, slug: t.slug, title: t.title, first_at: iso(t.at) });
  const labels = ledgerRows
    .filter((l) => l.ruleId !== null && l.label)
    .map((l) => ({ id: l.ruleId!, label: l.label! }));
  const ledger = ledgerRows.map((l) => ({
    ruleId: l.ruleId,
    kind: l.kind,
    points: l.points,
    at: 0,
  }));
  return leadSummarySchema.parse({
    id: lead.id,
    email: lead.email,
    name: lead.name,
    company: lead.company,
    job_title: lead.jobTitle,
    phone: lead.phone,
    company_size: lead.companySize,
    country: lead.country,
    locale: lead.locale,
    stage: lead.stage,
    score: {
      total: lead.score,
      fit: lead.fitScore,
      behaviour: lead.behaviourScore,
      top_reasons: topReasons(ledger, labels),
    },
    mql_at: lead.mqlAt === null ? null : iso(lead.mqlAt),
    created_at: iso(lead.createdAt),
    updated_at: iso(lead.updatedAt),
    first_touch: touches.length ? touchOut(touches[0]!) : null,
    latest_touch: touches.length ? touchOut(touches[touches.length - 1]!) : null,
    assets: [...assets.values()],
    referred_by: ref
      ? ref.erasedAt === null
        ? { id: ref.id, email: ref.email, name: ref.name, erased: false }
        : erasedReferrer(ref.id)
      : null,
    owner:
      lead.ownerId === null
        ? null
        : { id: lead.ownerId, name: lead.ownerName, email: lead.ownerEmail },
    owner_assigned_at: lead.ownerAssignedAt === null ? null : iso(lead.ownerAssignedAt),
    accept_by: lead.acceptBy === null ? null : iso(lead.acceptBy),
    accepted_at: lead.acceptedAt === null ? null : iso(lead.acceptedAt),
    routing_flagged: lead.routingFlaggedAt !== null,
  });
}

export async function loadLeadSummary(db: Db, leadId: number): Promise<LeadSummary | null> {
  return summaryFromRows(await readSummaryRows(db, leadId));
}
