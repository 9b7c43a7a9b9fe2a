// One lead in full for sales: the summary plus every touch, the timeline, the score ledger, stages and outcomes.
import type { Db } from "../../env";
import { AppError } from "../../errors";
import { readDetailRows } from "../../store/leads";
import { summaryFromRows, touchOut } from "./lead-summary";
import { isoTime as iso } from "../../domain/http-time";
import { readStageReason } from "../../domain/stage-reasons";
import { loadConsentAndNurture } from "./lead-consent";

/** The timeline shows the latest events; the export has all of them. */
const TIMELINE_LIMIT = 200;

export async function loadLeadDetail(
  db: Db,
  leadId: number,
  /** Keys the suppression hash (suppressionSecret of the config). */
  secret: string,
) {
  const rows = await readDetailRows(db, leadId, TIMELINE_LIMIT);
  const lead = rows.lead;
  if (!lead) throw new AppError("NOT_FOUND", "No lead has this id");
  if (lead.erasedAt !== null) throw new AppError("GONE", "This lead's personal data was erased");
  const summary = summaryFromRows(rows)!;
  const { consent, nurture } = await loadConsentAndNurture(db, leadId, lead.email, secret);
  return {
    ...summary,
    consent,
    nurture,
    touches: rows.touches.map(touchOut),
    timeline: rows.timeline.map((e) => {
      const data = e.data ? (JSON.parse(e.data) as Record<string, unknown>) : null;
      return {
        id: e.id,
        type: e.type,
        at: iso(e.at),
        asset_id: e.assetId,
        data,
        machine: e.machine ?? null,
        // For the page's words (the API's schema leaves these out).
        asset_title: e.assetTitle,
        email:
          e.emailStepId === null ? null : { step_id: e.emailStepId, template: e.emailTemplate },
        reason_parts: typeof data?.reason === "string" ? readStageReason(data.reason) : null,
      };
    }),
    score_ledger: rows.ledgerRows.map((l) => ({
      id: l.id,
      rule_id: l.ruleId,
      kind: l.kind,
      points: l.points,
      reason: l.reason,
      at: iso(l.at),
      label: l.label,
    })),
    stage_history: rows.stages.map((s) => ({
      from: s.fromStage,
      to: s.toStage,
      reason: s.reason,
      reason_parts: s.reason === null ? null : readStageReason(s.reason),
      at: iso(s.at),
    })),
    outcomes: rows.outcomes.map((o) => ({
      id: o.id,
      stage: o.stage,
      amount_minor: o.amountMinor,
      currency: o.currency,
      reason: o.reason,
      external_id: o.externalId,
      at: iso(o.at),
    })),
  };
}
