// The append-only event log: everything that happened to a lead, in order.
import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { id } from "./columns";

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

export const events = sqliteTable(
  "events",
  {
    id: id(),
    leadId: integer("lead_id"),
    assetId: integer("asset_id"),
    type: text("type", { enum: EVENT_TYPES }).notNull(),
    at: integer("at").notNull(),
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>(),
  },
  (t) => [index("events_lead_at").on(t.leadId, t.at)],
);

export type LeadEvent = typeof events.$inferSelect;
