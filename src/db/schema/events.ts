// The append-only event log: everything that happened to a lead, in order.
import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { id } from "./columns";
import { EVENT_TYPES, type EventType } from "../../domain/vocabulary";

export { EVENT_TYPES, type EventType };

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
