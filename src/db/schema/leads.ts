// A lead is one person, keyed by normalised email. First and latest touch are derived (min/max touch id).
import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { id, createdAt, updatedAt } from "./columns";
import {
  STAGES,
  type Stage,
  MARKETING_CONSENT_STATES,
  type MarketingConsentState,
} from "../../domain/vocabulary";

export { STAGES, type Stage, MARKETING_CONSENT_STATES, type MarketingConsentState };

/**
 * The sales list indexes are partial on scored_at: a capture inserts the lead with scored_at NULL, so a
 * new lead costs no index writes until the scoring job (on the queue, off the capture path) sees it.
 * leads_list serves the unfiltered list and updated_since; leads_stage_score serves stage and
 * min_score, merged per (stage, score) so a page reads only the rows it returns (see src/handoff/list-leads.ts).
 */
export const leads = sqliteTable(
  "leads",
  {
    id: id(),
    email: text("email").notNull().unique(),
    name: text("name"),
    company: text("company"),
    jobTitle: text("job_title"),
    phone: text("phone"),
    companySize: text("company_size"),
    country: text("country"),
    locale: text("locale").notNull().default("en"),
    referralCode: text("referral_code").notNull().unique(),
    referredByLeadId: integer("referred_by_lead_id"),
    /**
     * Where the lead stands on marketing email: `given`, `implied` (soft opt-in not refused) or `declined`; null
     * when no capture has said. consent_at, consent_version and consent_ip_hash belong to the capture that set it;
     * every capture's own record is on its touch.
     */
    marketingConsent: text("marketing_consent", {
      enum: MARKETING_CONSENT_STATES,
    }).$type<Exclude<MarketingConsentState, "none">>(),
    consentAt: integer("consent_at"),
    /** Legacy: raw IPs of consents recorded before consent_ip_hash; hashed and cleared by the cron, never written. */
    consentIp: text("consent_ip"),
    /** Keyed hash of the IP the consent came from (src/domain/ip-hash.ts), never the address. */
    consentIpHash: text("consent_ip_hash"),
    consentVersion: text("consent_version"),
    touchCount: integer("touch_count").notNull().default(0),
    fitScore: integer("fit_score").notNull().default(0),
    behaviourScore: integer("behaviour_score").notNull().default(0),
    score: integer("score").notNull().default(0),
    stage: text("stage", { enum: STAGES }).notNull().default("lead"),
    stageChangedAt: integer("stage_changed_at"),
    mqlAt: integer("mql_at"),
    erasedAt: integer("erased_at"),
    /** Last time scoring reconciled this lead; NULL until first scored and again once erased. */
    scoredAt: integer("scored_at"),
    /** Bumped by every scoring write: the optimistic-concurrency guard for the score ledger. */
    scoreVersion: integer("score_version").notNull().default(0),
    /** Sales routing (README "Sales routing"): the teammate who owns the lead, null while nobody does. */
    ownerId: integer("owner_id"),
    ownerAssignedAt: integer("owner_assigned_at"),
    /** When the owner must accept by (working days, see src/domain/routing/working-days.ts); null once accepted. */
    acceptBy: integer("accept_by"),
    acceptedAt: integer("accepted_at"),
    /** The routing rule that placed it, and the people who had it and let it lapse (JSON array of ids). */
    routingRuleId: integer("routing_rule_id"),
    routingTried: text("routing_tried", { mode: "json" }).$type<number[]>(),
    /** Set when every teammate of the rule let it lapse (or none could take it): marketing holds it. */
    routingFlaggedAt: integer("routing_flagged_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("leads_list").on(t.updatedAt).where(sql`scored_at IS NOT NULL`),
    index("leads_stage_score").on(t.stage, t.score, t.updatedAt).where(sql`scored_at IS NOT NULL`),
    // Finds the legacy raw IPs left to hash; empty once they are, and never written by a capture.
    index("leads_legacy_consent_ip").on(t.id).where(sql`consent_ip IS NOT NULL`),
    // The offline conversion export finds a window's MQLs by time; written once per lead, when it qualifies.
    index("leads_mql_at").on(t.mqlAt).where(sql`mql_at IS NOT NULL`),
    // The routing tick's overdue scan and "my leads": both only over leads someone owns.
    index("leads_accept_by").on(t.acceptBy).where(sql`accept_by IS NOT NULL`),
    index("leads_owner").on(t.ownerId, t.updatedAt).where(sql`owner_id IS NOT NULL`),
  ],
);

export type Lead = typeof leads.$inferSelect;
