// What the audit log keeps of each kind of record: the fields a person changes, never a secret (webhook
// secrets, token hashes) and never free text about a lead (outcome reasons), so an erasure leaves nothing.
import type { AssetSequence } from "../services/nurture/asset-sequence";
import type { Asset, CourseSession, RoutingRule, ScoreRule, TaggedLink } from "../db/schema";
import type { EndpointRecord } from "../services/handoff/endpoints";
import type { SpendRow } from "../services/spend/spend-service";
import type { TokenRow } from "../services/access/tokens";
import type { Settings } from "../services/settings/settings";
import type { ImportResult as LeadImportResult } from "../services/lead-import/import-leads";
import type { AttendanceReport } from "../services/sessions/attendance";

export function assetRecord(a: Asset) {
  return {
    slug: a.slug,
    kind: a.kind,
    title: a.title,
    summary: a.summary,
    outline: a.outline,
    locale: a.locale,
    timezone: a.timezone,
    form: a.form,
    file_name: a.fileName,
    file_type: a.fileType,
    link_url: a.linkUrl,
    cover: a.coverKey ? a.coverType : null,
    room_url: a.roomUrl,
    status: a.status,
    sequence_id: a.sequenceId,
    double_opt_in: a.doubleOptIn,
  };
}

/** The audit action of an asset's status change. */
export function assetStatusAction(status: Asset["status"]): string {
  if (status === "published") return "asset.publish";
  return status === "archived" ? "asset.archive" : "asset.unpublish";
}

export function endpointRecord(e: EndpointRecord) {
  return {
    url: e.url,
    event_types: e.eventTypes,
    active: e.active,
    disabled_reason: e.disabledReason,
  };
}

export function tokenRecord(t: TokenRow) {
  return { name: t.name, prefix: t.prefix, scopes: t.scopes, revoked_at: t.revokedAt };
}

export function routingRuleRecord(r: RoutingRule) {
  return {
    name: r.name,
    position: r.position,
    match: r.match,
    values: r.values,
    team: r.team,
  };
}

export function ruleRecord(r: ScoreRule) {
  return {
    kind: r.kind,
    field: r.field,
    match: r.match,
    points: r.points,
    cap: r.cap,
    half_life_days: r.halfLifeDays,
    label: r.label,
    active: r.active,
  };
}

export function spendRecord(s: SpendRow) {
  return {
    asset_id: s.assetId,
    channel: s.channel,
    utm_source: s.utmSource,
    utm_medium: s.utmMedium,
    utm_campaign: s.utmCampaign,
    day_from: s.dayFrom,
    day_to: s.dayTo,
    amount_minor: s.amountMinor,
    currency: s.currency,
    reporting_minor: s.reportingMinor,
    impressions: s.impressions,
    clicks: s.clicks,
  };
}

export function linkRecord(l: TaggedLink) {
  return {
    asset_id: l.assetId,
    url: l.url,
    utm_source: l.utmSource,
    utm_medium: l.utmMedium,
    utm_campaign: l.utmCampaign,
    utm_content: l.utmContent,
    utm_term: l.utmTerm,
  };
}

/** Settings hold no secret: every value, and which logo (its R2 key) is shown. */
export function settingsRecord(s: Settings) {
  return { ...s, logo: s.logo?.key ?? null };
}

export function sessionRecord(s: CourseSession) {
  return {
    asset_id: s.assetId,
    starts_at: s.startsAt,
    time_zone: s.timezone,
    duration_minutes: s.durationMinutes,
    join_url: s.joinUrl,
    capacity: s.capacity,
    status: s.status,
    calendar_sequence: s.calendarSequence,
  };
}

/** A drip as the audit log keeps it: its steps' timing and conditions, and each locale's subject (not the bodies). */
export function sequenceRecord(s: AssetSequence) {
  return {
    name: s.name,
    steps: s.steps.map((st) => ({
      position: st.position,
      template: st.template,
      anchor: st.anchor,
      delay_minutes: st.delay_minutes,
      conditions: st.conditions,
      send_window: st.send_window,
      subjects: Object.fromEntries(Object.entries(st.copy).map(([l, c]) => [l, c?.subject])),
    })),
  };
}

/** A list import as the audit log keeps it: counts only, never an address. */
export function leadImportRecord(r: LeadImportResult, assetId: number | null | undefined) {
  return {
    new: r.new,
    updated: r.updated,
    suppressed: r.suppressed,
    invalid: r.invalid.length,
    enrolled: r.enrolled,
    marketing_consent: r.marketing_consent,
    asset_id: assetId ?? null,
  };
}

/** An attendance import: what the file was read as and what it changed, never who was in it. */
export function attendanceRecord(r: AttendanceReport) {
  return { format: r.format, attended: r.attended, no_shows: r.no_shows, changed: r.changed };
}
