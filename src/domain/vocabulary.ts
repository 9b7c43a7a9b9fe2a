// The words of the product as closed sets: kinds, stages, channels, statuses. The schema and every layer use these.

export const SCOPES = ["admin", "marketing", "sales"] as const;
export type Scope = (typeof SCOPES)[number];
/** What a teammate signed in as a person may do (src/domain/permissions.ts says what each holds). */
export const ROLES = ["admin", "marketer", "sales", "viewer"] as const;
export type Role = (typeof ROLES)[number];
/** Who made a change the audit log records: a teammate, an API token, or the bootstrap ADMIN_TOKEN. */
export const ACTOR_KINDS = ["person", "token", "bootstrap"] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];
/**
 * What an asset is: a file (whitepaper, report, ebook: delivered from R2 by the signed link), a course (live
 * sessions: the link opens the room), or a link (a gated https URL such as a video: the signed link redirects to it).
 */
export const ASSET_KINDS = ["whitepaper", "report", "ebook", "course", "link"] as const;
/** The kinds whose signed link streams a file from R2; they behave alike (copy, emails, sequences). */
export const FILE_ASSET_KINDS = ["whitepaper", "report", "ebook"] as const;
export const LOCALES = ["zh-CN", "en"] as const;
/**
 * draft: not out yet; published: its landing page and gate are live; unlisted: no page or gate, but
 * signed links (a reward, a link sent by hand) still serve it; archived: withdrawn for good.
 */
export const ASSET_STATUSES = ["draft", "published", "unlisted", "archived"] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];
/** The statuses whose signed download links serve the file (or open the course room). */
export const DOWNLOADABLE_STATUSES: readonly AssetStatus[] = ["published", "unlisted"];
export const FORM_FIELDS = ["name", "company", "job_title", "phone", "company_size"] as const;
export const FIELD_MODES = ["hidden", "optional", "required"] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];
export type Locale = (typeof LOCALES)[number];
export type FormField = (typeof FORM_FIELDS)[number];
export type FieldMode = (typeof FIELD_MODES)[number];
/**
 * How an asset asks for marketing consent (see README "Consent"): `optional` nurtures only leads who tick the
 * box; `implied` is a soft opt-in with an opt-out box; `required` makes the box a condition of the asset, only
 * where the marketer states the law allows it (never for visitors where the law forbids it; see consent-law.ts).
 */
export const MARKETING_CONSENT_MODES = ["optional", "implied", "required"] as const;
export type MarketingConsentMode = (typeof MARKETING_CONSENT_MODES)[number];
/** What one capture said about marketing: ticked, soft opt-in not refused, opted out, or nothing. */
export const MARKETING_CONSENT_STATES = ["given", "implied", "declined", "none"] as const;
export type MarketingConsentState = (typeof MARKETING_CONSENT_STATES)[number];
export interface MarketingConsentSettings {
  mode: MarketingConsentMode;
  /** The marketer's words for the box; empty means Lodestone's standard words in the page's language. */
  text: string;
  /** The marketer's version label of those words (e.g. 2026-01), stored with every capture. */
  version: string;
  /** For `required`: the marketer's statement of the law that allows it; null otherwise. */
  basis: string | null;
}
/** Which gate fields are shown/required, the marketing consent box, and the privacy notice. */
export interface FormSettings {
  fields: Record<FormField, FieldMode>;
  consent: MarketingConsentSettings;
  /** `required`: a box agreeing to the privacy notice must be ticked to submit; otherwise the notice is a line of text. */
  privacy: { required: boolean };
}
export const ATTRIBUTION_MODELS = [
  "first_touch",
  "last_touch",
  "linear",
  "position_based",
  "time_decay",
  "w_shaped",
  "data_driven",
] as const;
export type AttributionModel = (typeof ATTRIBUTION_MODELS)[number];
/** The stages a data-driven journey can convert at: MQL, accepted by sales, won. */
export const JOURNEY_STAGES = ["mql", "accepted", "won"] as const;
export type JourneyStage = (typeof JOURNEY_STAGES)[number];
export const ENROLMENT_STATUSES = ["pending_optin", "active", "completed", "stopped"] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];
/** Where a lead stands on a sequence, as the API and the lead page say it. */
export const NURTURE_STATES = ["enrolled", "not_enrolled", "completed", "stopped"] as const;
export type NurtureState = (typeof NURTURE_STATES)[number];
/** Why a lead is not (or no longer) getting a sequence's steps. */
export const NURTURE_REASONS = [
  "no_consent",
  "opted_out",
  "pending_optin",
  "unsubscribed",
  "suppressed",
  "erased",
  "consent_given_later",
  "captured_before_sequence",
] as const;
export type NurtureReason = (typeof NURTURE_REASONS)[number];
export const EVENT_TYPES = [
  "gate_submitted",
  "downloaded",
  "referral_visit",
  "email_sent",
  "email_delivered",
  "email_opened",
  "email_clicked",
  "email_bounced",
  "email_complained",
  "email_delayed",
  "email_failed",
  "unsubscribed",
  "optin_confirmed",
  "session_joined",
  "session_attended",
  "link_clicked",
  "score_changed",
  "stage_changed",
  "outcome_reported",
  "erased",
  "imported",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export const STAGES = ["lead", "mql", "sql", "customer", "disqualified"] as const;
export type Stage = (typeof STAGES)[number];
export const OUTCOME_STAGES = ["accepted", "won", "lost"] as const;
export const LEDGER_KINDS = ["fit", "award", "decay", "cap", "rule"] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];
export const RULE_KINDS = ["fit", "behaviour"] as const;
export const SEND_STATUSES = [
  "queued",
  "sending",
  "sent",
  "delivered",
  "bounced",
  "complained",
  "failed",
  "skipped",
] as const;
export type SendStatus = (typeof SEND_STATUSES)[number];
export const STEP_ANCHORS = ["enrolment", "session_start"] as const;
/** A course session is on, or called off (its registrants were told, its reminders stopped). */
export const SESSION_STATUSES = ["scheduled", "cancelled"] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
/** What an attendance import says of a registrant: in the meeting's file, or not. */
export const ATTENDANCE_MARKS = ["attended", "no_show"] as const;
export type AttendanceMark = (typeof ATTENDANCE_MARKS)[number];
/**
 * The conditions a step may carry, in the order the sequence editor shows them (its checkboxes are drawn
 * from this list, their labels are `condition_<key>` in templates/admin/messages/sequences.ts).
 */
export const STEP_CONDITION_KEYS = [
  "skipIfDownloaded",
  "skipIfClicked",
  "skipIfQualified",
  // Set by the attendance import: skip for attendees (a replay for no-shows), or unless attended (a thanks).
  "skipIfAttended",
  "skipIfNoShow",
] as const;
export type StepConditionKey = (typeof STEP_CONDITION_KEYS)[number];
/** The `{{variables}}` email copy may use (docs/decisions/0018-email-copy-in-d1.md). */
export const COPY_VARIABLES = [
  "first_name",
  "name",
  "company",
  "asset_title",
  "download_link",
  "share_link",
  "session_time",
  "join_link",
] as const;
export type CopyVariable = (typeof COPY_VARIABLES)[number];
/** The variables that may stand as a link's or button's whole target. */
export const LINK_VARIABLES = ["download_link", "share_link", "join_link"] as const;
export const SUPPRESSION_REASONS = ["unsubscribed", "bounced", "complained", "erased"] as const;
/** How a suppression's address was hashed: keyed (every new row), or the bare SHA-256 of older rows. */
export const SUPPRESSION_HASH_SCHEMES = ["hmac-sha256", "sha256"] as const;
/** What a sales routing rule looks at: the lead's country, company size, an asset it came through, or anything. */
export const ROUTING_MATCHES = ["country", "company_size", "asset", "default"] as const;
export type RoutingMatch = (typeof ROUTING_MATCHES)[number];
/** Roles that can own a lead: the people a routing team may hold. */
export const OWNER_ROLES = ["sales", "admin"] as const;
/** Roles told when nobody accepted a lead in time. */
export const MARKETING_ROLES = ["marketer", "admin"] as const;
export const CHANNELS = [
  "paid",
  "organic_search",
  "social",
  "email",
  "referral",
  "direct",
  /** Leads brought in by a list import (an event's badge scans, a webinar's sign-ups), never by a visit. */
  "import",
] as const;
export type Channel = (typeof CHANNELS)[number];
/**
 * Why an email open or click was a machine's and not a person's (see src/domain/machine-traffic.ts). An event with
 * one of these adds no score, counts apart in the figures, and confirms nothing.
 */
export const MACHINE_REASONS = [
  "apple_mpp",
  "scanner_agent",
  "scanner_network",
  "bot_agent",
  "no_agent",
  "prefetch",
  "honeypot",
  "too_soon",
  "link_burst",
] as const;
export type MachineReason = (typeof MACHINE_REASONS)[number];
export const DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;

/** Field-level problems: `{ field: ["message", …] }`. */
export type FieldErrors = Record<string, string[]>;
