// The words of the product as closed sets: kinds, stages, channels, statuses. The schema and every layer use these.

export const SCOPES = ["admin", "marketing", "sales"] as const;
export type Scope = (typeof SCOPES)[number];
export const ASSET_KINDS = ["whitepaper", "course"] as const;
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
/** Which gate fields are shown/required, and the consent the asset asks for. */
export interface FormSettings {
  fields: Record<FormField, FieldMode>;
  consent: { text: string; required: boolean; version: string } | null;
}
export const ATTRIBUTION_MODELS = ["first_touch", "last_touch", "linear"] as const;
export type AttributionModel = (typeof ATTRIBUTION_MODELS)[number];
export const ENROLMENT_STATUSES = ["pending_optin", "active", "completed", "stopped"] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];
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
  "link_clicked",
  "score_changed",
  "stage_changed",
  "outcome_reported",
  "erased",
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
export const SUPPRESSION_REASONS = ["unsubscribed", "bounced", "complained", "erased"] as const;
/** How a suppression's address was hashed: keyed (every new row), or the bare SHA-256 of older rows. */
export const SUPPRESSION_HASH_SCHEMES = ["hmac-sha256", "sha256"] as const;
export const CHANNELS = [
  "paid",
  "organic_search",
  "social",
  "email",
  "referral",
  "direct",
] as const;
export type Channel = (typeof CHANNELS)[number];
export const DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;

/** Field-level problems: `{ field: ["message", …] }`. */
export type FieldErrors = Record<string, string[]>;
