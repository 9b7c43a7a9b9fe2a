// The append-only event log: everything that happened to a lead, in order.
import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { id } from "./columns";
import {
  EVENT_TYPES,
  MACHINE_REASONS,
  type EventType,
  type MachineReason,
} from "../../domain/vocabulary";

export { EVENT_TYPES, MACHINE_REASONS, type EventType, type MachineReason };

export const events = sqliteTable(
  "events",
  {
    id: id(),
    leadId: integer("lead_id"),
    assetId: integer("asset_id"),
    type: text("type", { enum: EVENT_TYPES }).notNull(),
    at: integer("at").notNull(),
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>(),
    /** Why a machine did this (an open by Apple's mail proxy, a scanner's click); null when a person did. Kept on erasure. */
    machine: text("machine", { enum: MACHINE_REASONS }),
  },
  (t) => [index("events_lead_at").on(t.leadId, t.at)],
);

export type LeadEvent = typeof events.$inferSelect;
